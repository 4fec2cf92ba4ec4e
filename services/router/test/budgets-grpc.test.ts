import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { RedisBudgetStore } from '@ragfleet/budgets';
import { InMemoryEventBus, fleetTopology, type EventEnvelope } from '@ragfleet/events';
import { GrpcServer, RouterClient, type CallerContext } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import {
  createLogger,
  createMetricsRegistry,
  metricValue,
  runWithRequestContext,
  type Registry,
} from '@ragfleet/telemetry';
import { loadCatalogFile } from '../src/adapters/catalog-file.ts';
import { closedBreakers } from '../src/adapters/closed-breakers.ts';
import { gptTokenCounter } from '../src/adapters/gpt-token-counter.ts';
import { loadDomainTermsFile, loadRoutingConfigFile } from '../src/adapters/routing-files.ts';
import { budgetHandlers } from '../src/budgets/budget-handlers.ts';
import { RemainingBudgetFit } from '../src/budgets/remaining-budget-fit.ts';
import { remainingBudgetGauge } from '../src/budgets/remaining-budget-gauge.ts';
import { thresholdEvents, type BudgetThresholdEvent } from '../src/budgets/threshold-events.ts';
import { ComplexityAnalyzer, DomainTerms } from '../src/domain/complexity.ts';
import { RoutePolicy } from '../src/domain/route-policy.ts';
import { routerHandlers } from '../src/grpc/router-handlers.ts';
import { silentLogger } from './ledger-support.ts';

/*
 * The router's budget methods over real gRPC, on the local Redis under a prefix of this run's
 * own: Reserve and Settle at the catalog's prices, the operators' calls, BUDGET_EXCEEDED, the
 * threshold events and metrics, and the policy's budget fallback over the same store.
 */

const root = join(import.meta.dirname, '..');
const prefix = `ragfleet-test:router-budgets:${uniqueSuffix()}:`;
const topology = fleetTopology(`budgets_${uniqueSuffix()}`);
const TTL_MS = 300_000;

let redis: Redis;
let server: GrpcServer;
let client: RouterClient;
let registry: Registry;
let bus: InMemoryEventBus;
const thresholdEventsSeen: Array<EventEnvelope<BudgetThresholdEvent>> = [];

const as = <T>(tenant: string, call: () => Promise<T>, user?: string) =>
  runWithRequestContext({ requestId: `budgets-${tenant}`, tenant, ...(user ? { user } : {}) }, call);
const tenantOf = (name: string) => `${name}-${uniqueSuffix()}`;
const setTenantBudget = (tenant: string, limitUsd: number, period = 'day') =>
  client.setBudget({ scope: { tenant, kind: 'tenant', id: '' }, period, limitUsd });
const haiku = { provider: 'anthropic', model: 'claude-haiku-4-5' };

beforeAll(async () => {
  redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
  await redis.connect();
  const store = new RedisBudgetStore(redis, { keyPrefix: prefix });
  const catalog = loadCatalogFile(join(root, 'catalog.json'));
  registry = createMetricsRegistry('router');
  bus = new InMemoryEventBus({ streams: [topology.streams.events], logger: silentLogger });
  await bus.subscribe<BudgetThresholdEvent>(
    topology.subjects.budgetThreshold,
    { durable: 'test-thresholds' },
    async (event) => {
      thresholdEventsSeen.push(event);
    },
  );
  const gauge = remainingBudgetGauge(registry, store);
  const policy = new RoutePolicy({
    catalog: () => catalog,
    enabled: new Set(['extractive', 'ollama', 'anthropic']),
    analyzer: new ComplexityAnalyzer({
      config: loadRoutingConfigFile(join(root, 'routing-weights.json')),
      domainTerms: new DomainTerms(loadDomainTermsFile(join(root, 'domain-terms.txt'))),
      countTokens: gptTokenCounter,
    }),
    health: closedBreakers,
    budget: new RemainingBudgetFit({ store, outputTokens: 1_024, logger: silentLogger }),
    contextMarginTokens: 1_024,
  });
  server = new GrpcServer({
    service: 'router',
    logger: createLogger('router', 'silent'),
    registry: createMetricsRegistry('router-grpc'),
  });
  const budgets = budgetHandlers({
    store,
    catalog: () => catalog,
    reservationTtlMs: TTL_MS,
    thresholds: thresholdEvents({
      bus,
      subject: topology.subjects.budgetThreshold,
      registry,
      logger: silentLogger,
    }),
    sawTenant: gauge.sawTenant,
  });
  server.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers(policy, { decided: () => undefined }, budgets),
  );
  const port = await server.listen(0, '127.0.0.1');
  client = new RouterClient(`127.0.0.1:${port}`);
});

afterAll(async () => {
  client.close();
  await server.close();
  await bus.close();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('Reserve and Settle over gRPC', () => {
  it('reserves prompt plus max output at the catalog prices, then settles at the tokens used, once', async () => {
    const tenant = tenantOf('acme');
    await setTenantBudget(tenant, 1);
    const started = Date.now();
    const reserved = await as(tenant, () =>
      client.reserve({ generationId: 'g-1', ...haiku, promptTokens: 1_000, maxOutputTokens: 1_000 }),
    );
    // 1000 × $1/M + 1000 × $5/M
    expect(reserved.reservedUsd).toBeCloseTo(0.006, 9);
    const expiresAt = Date.parse(reserved.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(started + TTL_MS - 1_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + TTL_MS + 1_000);

    const held = await client.listBudgets({ tenant });
    expect(held.budgets).toEqual([
      expect.objectContaining({ period: 'day', limitUsd: 1, spentUsd: 0, reservedUsd: 0.006 }),
    ]);

    const settled = await as(tenant, () =>
      client.settle({ generationId: 'g-1', ...haiku, inputTokens: 1_000, outputTokens: 200 }),
    );
    expect(settled.costUsd).toBeCloseTo(0.002, 9);
    // Settling again (a retried call) changes nothing.
    await as(tenant, () =>
      client.settle({ generationId: 'g-1', ...haiku, inputTokens: 1_000, outputTokens: 200 }),
    );
    const after = await client.listBudgets({ tenant });
    expect(after.budgets[0]).toMatchObject({ spentUsd: 0.002, reservedUsd: 0, remainingUsd: 0.998 });
  });

  it("refuses to settle another tenant's reservation: NOT_FOUND, and its hold stays", async () => {
    const owner = tenantOf('owner');
    const intruder = tenantOf('intruder');
    await setTenantBudget(owner, 1);
    await as(owner, () =>
      client.reserve({ generationId: 'g-theirs', ...haiku, promptTokens: 1_000, maxOutputTokens: 1_000 }),
    );
    await expect(
      as(intruder, () =>
        client.settle({ generationId: 'g-theirs', ...haiku, inputTokens: 0, outputTokens: 0 }),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const held = await client.listBudgets({ tenant: owner });
    expect(held.budgets[0]).toMatchObject({ spentUsd: 0, reservedUsd: 0.006 });
  });

  it('grants exactly 50 of 200 concurrent reserves against a budget that fits 50', async () => {
    const tenant = tenantOf('rush');
    // Each reserve: 1000 output tokens × $5/M = $0.005; 50 of them are $0.25.
    await setTenantBudget(tenant, 0.25);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        as(tenant, () =>
          client.reserve({
            generationId: `rush-${index}`,
            ...haiku,
            promptTokens: 0,
            maxOutputTokens: 1_000,
          }),
        ).then(
          () => 'granted',
          (error: { code?: string }) => error.code,
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'granted')).toHaveLength(50);
    expect(outcomes.filter((outcome) => outcome === 'BUDGET_EXCEEDED')).toHaveLength(150);
    const [day] = (await client.listBudgets({ tenant })).budgets;
    expect(day).toMatchObject({ reservedUsd: 0.25, remainingUsd: 0 });
  });

  it('refuses with BUDGET_EXCEEDED naming the budget, its figures and its reset time', async () => {
    const tenant = tenantOf('thrifty');
    await setTenantBudget(tenant, 0.001);
    const refusal = await as(tenant, () =>
      client.reserve({ generationId: 'big', ...haiku, promptTokens: 1_000, maxOutputTokens: 1_000 }),
    ).catch((error: unknown) => error);
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(refusal).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      details: {
        scope: { tenant, kind: 'tenant' },
        period: 'day',
        limit_usd: 0.001,
        spent_usd: 0,
        reserved_usd: 0,
        reset_at: midnight.toISOString(),
      },
    });
  });

  it("charges the caller's user budget too, from its identity", async () => {
    const tenant = tenantOf('users');
    await client.setBudget({ scope: { tenant, kind: 'user', id: 'ann' }, period: 'month', limitUsd: 0.004 });
    const refusal = await as(
      tenant,
      () => client.reserve({ generationId: 'u-1', ...haiku, promptTokens: 0, maxOutputTokens: 1_000 }),
      'ann',
    ).catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      details: { scope: { tenant, kind: 'user', id: 'ann' }, period: 'month' },
    });
    // Another user of the tenant has no such budget.
    await expect(
      as(
        tenant,
        () => client.reserve({ generationId: 'u-2', ...haiku, promptTokens: 0, maxOutputTokens: 1_000 }),
        'bob',
      ),
    ).resolves.toMatchObject({ reservedUsd: 0.005 });
  });

  it("charges the caller's API key budget, from the key id its identity carries", async () => {
    const tenant = tenantOf('keys');
    await client.setBudget({ scope: { tenant, kind: 'key', id: 'k-1' }, period: 'day', limitUsd: 0.004 });
    const withKey = (keyId: string, generationId: string) =>
      runWithRequestContext<Promise<unknown>>(
        { requestId: generationId, tenant, keyId } satisfies CallerContext,
        () => client.reserve({ generationId, ...haiku, promptTokens: 0, maxOutputTokens: 1_000 }),
      );
    await expect(withKey('k-1', 'key-1')).rejects.toMatchObject({
      code: 'BUDGET_EXCEEDED',
      details: { scope: { tenant, kind: 'key', id: 'k-1' }, period: 'day' },
    });
    await expect(withKey('k-2', 'key-2')).resolves.toMatchObject({ reservedUsd: 0.005 });
  });

  it('publishes and counts the 80 % and 100 % crossings, and reports what is left per tenant', async () => {
    const tenant = tenantOf('alerts');
    await setTenantBudget(tenant, 0.01);
    // $0.0085 of $0.01: past 80 %.
    await as(tenant, () =>
      client.reserve({ generationId: 't-1', ...haiku, promptTokens: 0, maxOutputTokens: 1_700 }),
    );
    expect(
      await metricValue(registry, 'ragfleet_router_budget_remaining_usd', { tenant, period: 'day' }),
    ).toBeCloseTo(0.0015, 9);
    // Settled at $0.01: 100 %.
    await as(tenant, () =>
      client.settle({ generationId: 't-1', ...haiku, inputTokens: 0, outputTokens: 2_000 }),
    );
    const mine = () => thresholdEventsSeen.filter((event) => event.tenant === tenant);
    await waitFor(() => mine().length === 2, 5_000);
    expect(mine().map((event) => event.data)).toEqual([
      expect.objectContaining({
        scope: { tenant, kind: 'tenant' },
        period: 'day',
        threshold: 80,
        limit_usd: 0.01,
      }),
      expect.objectContaining({
        scope: { tenant, kind: 'tenant' },
        period: 'day',
        threshold: 100,
        used_usd: 0.01,
      }),
    ]);
    expect(
      await metricValue(registry, 'ragfleet_router_budget_thresholds_total', { threshold: '100' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await metricValue(registry, 'ragfleet_router_budget_remaining_usd', { tenant, period: 'day' }),
    ).toBe(0);
  });
});

describe('Budgets for operators over gRPC', () => {
  it('sets, lists and deletes a budget', async () => {
    const tenant = tenantOf('ops');
    const set = await client.setBudget({
      scope: { tenant, kind: 'key', id: 'k1' },
      period: 'month',
      limitUsd: 12.5,
    });
    expect(set.budget).toMatchObject({
      scope: { tenant, kind: 'key', id: 'k1' },
      period: 'month',
      limitUsd: 12.5,
      spentUsd: 0,
      remainingUsd: 12.5,
    });
    expect(Date.parse(set.budget!.resetAt)).toBeGreaterThan(Date.now());
    expect((await client.listBudgets({ tenant })).budgets).toHaveLength(1);
    const removal = { scope: { tenant, kind: 'key', id: 'k1' }, period: 'month' };
    await expect(client.deleteBudget(removal)).resolves.toEqual({ deleted: true });
    await expect(client.deleteBudget(removal)).resolves.toEqual({ deleted: false });
    expect((await client.listBudgets({ tenant })).budgets).toEqual([]);
  });

  const badBudgets: Array<
    [string, { kind?: string; id?: string; period?: string; limitUsd?: number }, string]
  > = [
    ['a negative limit', { limitUsd: -1 }, 'limitUsd'],
    ['an absurd limit', { limitUsd: 1e12 }, 'limitUsd'],
    ['an unknown period', { period: 'week' }, 'period'],
    ['an unknown kind', { kind: 'team', id: 'x' }, 'scope.kind'],
    ['a key scope without an id', { kind: 'key' }, 'scope.id'],
  ];
  it.each(badBudgets)('refuses %s with INVALID_ARGUMENT naming the field', async (_, change, field) => {
    const request = {
      scope: { tenant: 'acme', kind: change.kind ?? 'tenant', id: change.id ?? '' },
      period: change.period ?? 'day',
      limitUsd: change.limitUsd ?? 1,
    };
    await expect(client.setBudget(request)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { fields: [expect.objectContaining({ field })] },
    });
  });

  it('refuses an unknown model and a missing generation id with INVALID_ARGUMENT', async () => {
    await expect(
      as('acme', () =>
        client.reserve({
          generationId: 'x',
          provider: 'anthropic',
          model: 'claude-9',
          promptTokens: 1,
          maxOutputTokens: 1,
        }),
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { fields: [expect.objectContaining({ field: 'model' })] },
    });
    await expect(
      as('acme', () => client.settle({ generationId: '', ...haiku, inputTokens: 1, outputTokens: 1 })),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { fields: [expect.objectContaining({ field: 'generation_id' })] },
    });
  });
});

describe('Route reads the remaining budget', () => {
  const reasoning =
    'Prove that reciprocal rank fusion is monotone, and derive why k = 60 dampens the top ranks.';

  it('falls back to a cheaper model when the preferred one does not fit, and says so', async () => {
    const tenant = tenantOf('fallback');
    const ask = () =>
      as(tenant, () => client.route({ query: reasoning, tier: 'premium', conversationDepth: 2 }));
    const unlimited = await ask();
    expect(unlimited.chain[0]).toMatchObject({ model: 'claude-sonnet-4-6' });
    expect(unlimited.decision?.budgetFallback).toBe(false);

    // Sonnet's 1024 output tokens cost about $0.0154, haiku's about $0.0051: $0.01 fits haiku only.
    await setTenantBudget(tenant, 0.01);
    const tight = await ask();
    expect(tight.chain.map((model) => model.model)).toEqual([
      'claude-haiku-4-5',
      'llama3.2',
      'extractive-v1',
    ]);
    expect(tight.decision?.budgetFallback).toBe(true);
    expect(tight.decision?.skipped).toContainEqual({
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      reason: 'budget',
    });
    expect(tight.reason).toContain('budget fallback');
  });
});
