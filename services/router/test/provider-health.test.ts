import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { connectEventBus, createEvent, fleetTopology, type EventBus } from '@ragfleet/events';
import { GrpcServer, RouterClient } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { createLogger, createMetricsRegistry, metricValue, type Registry } from '@ragfleet/telemetry';
import { loadCatalogFile } from '../src/adapters/catalog-file.ts';
import { gptTokenCounter } from '../src/adapters/gpt-token-counter.ts';
import { loadDomainTermsFile, loadRoutingConfigFile } from '../src/adapters/routing-files.ts';
import { unlimitedBudget } from '../src/adapters/unlimited-budget.ts';
import { ComplexityAnalyzer, DomainTerms } from '../src/domain/complexity.ts';
import { RoutePolicy } from '../src/domain/route-policy.ts';
import { routerHandlers } from '../src/grpc/router-handlers.ts';
import { composeHealth, type ComposedHealth } from '../src/health/compose-health.ts';
import { deleteStreams, natsUrl } from './ledger-support.ts';

/*
 * Breaker reports from generate reach the router on the local NATS, in a namespace of this run's
 * own, published as generate does (an event on the events stream); Route then skips the open
 * provider before anything is tried, and the gauge says so.
 */

const root = join(import.meta.dirname, '..');
const topology = fleetTopology(`health_${uniqueSuffix()}`);
const subject = topology.subjects.providerHealth;
const reasoning =
  'Prove that reciprocal rank fusion is monotone, and derive why k = 60 dampens the top ranks.';

let health: ComposedHealth;
let generateBus: EventBus;
let raw: NatsConnection;
let server: GrpcServer;
let client: RouterClient;
let registry: Registry;

const report = (
  state: 'open' | 'half-open' | 'closed',
  replica: string,
  at: number,
  provider: 'anthropic' | 'ollama' = 'anthropic',
) =>
  generateBus.publish(
    subject,
    createEvent({
      type: 'provider.health',
      source: 'generate',
      tenant: '',
      data: { provider, state, replica, at: new Date(at).toISOString() },
    }),
  );
const route = () => client.route({ query: reasoning, tier: 'premium', conversationDepth: 2 });
const breakerOpen = () =>
  metricValue(registry, 'ragfleet_router_provider_breaker_open', { provider: 'anthropic' });

beforeAll(async () => {
  registry = createMetricsRegistry('router');
  const logger = createLogger('router', 'silent');
  // Started before generate's bus creates the events stream: nothing to read back, and live
  // reports arrive all the same.
  health = await composeHealth(
    { NATS_URL: natsUrl, BREAKER_STATE_TTL_SECONDS: 60 },
    { logger, registry, subject, stream: topology.streams.events.name },
  );
  generateBus = await connectEventBus({
    natsUrl,
    streams: [topology.streams.events],
    logger,
    name: 'test-generate',
  });
  raw = await connect({ servers: natsUrl });
  const catalog = loadCatalogFile(join(root, 'catalog.json'));
  const policy = new RoutePolicy({
    catalog: () => catalog,
    enabled: new Set(['extractive', 'ollama', 'anthropic']),
    analyzer: new ComplexityAnalyzer({
      config: loadRoutingConfigFile(join(root, 'routing-weights.json')),
      domainTerms: new DomainTerms(loadDomainTermsFile(join(root, 'domain-terms.txt'))),
      countTokens: gptTokenCounter,
    }),
    health: health.states,
    budget: unlimitedBudget,
    contextMarginTokens: 1_024,
  });
  server = new GrpcServer({ service: 'router', logger, registry: createMetricsRegistry('router-grpc') });
  server.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers(policy, { decided: () => undefined }),
  );
  client = new RouterClient(`127.0.0.1:${await server.listen(0, '127.0.0.1')}`);
});

afterAll(async () => {
  client.close();
  await server.close();
  await health.stop();
  await raw.close();
  await generateBus.close();
  await deleteStreams([topology.streams.events.name]);
});

describe('provider health from breaker events', () => {
  it('skips a provider whose breaker a generate replica reported open, until it reports closed', async () => {
    const before = await route();
    expect(before.chain[0]).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-6' });
    expect(await breakerOpen()).toBe(0);

    const openedAt = Date.now();
    await report('open', 'generate-a', openedAt);
    await waitFor(() => health.states.isOpen('anthropic'), 5_000);
    const during = await route();
    expect(during.chain.map((model) => model.provider)).toEqual(['ollama', 'extractive']);
    expect(during.decision?.skipped).toEqual(
      expect.arrayContaining([
        { provider: 'anthropic', model: 'claude-sonnet-4-6', reason: 'breaker_open' },
        { provider: 'anthropic', model: 'claude-haiku-4-5', reason: 'breaker_open' },
      ]),
    );
    expect(await breakerOpen()).toBe(1);

    // Another replica's closed breaker does not close this one's; a report older than the last is ignored.
    await report('closed', 'generate-b', openedAt + 10);
    await report('closed', 'generate-a', openedAt - 1_000);
    // A malformed message on the subject is ignored; the subscription goes on.
    raw.publish(subject, '{"provider": "anthropic"');
    await raw.flush();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(health.states.isOpen('anthropic')).toBe(true);

    await report('half-open', 'generate-a', openedAt + 20);
    await waitFor(() => !health.states.isOpen('anthropic'), 5_000);
    const after = await route();
    expect(after.chain[0]).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-6' });
    expect(await breakerOpen()).toBe(0);
  });

  it('reads back, at start, the reports of the last TTL that the events stream kept', async () => {
    await report('open', 'generate-early', Date.now(), 'ollama');
    // Older than the TTL: read back or not, it cannot make anthropic open.
    await report('open', 'generate-old', Date.now() - 120_000);
    const late = await composeHealth(
      { NATS_URL: natsUrl, BREAKER_STATE_TTL_SECONDS: 60 },
      {
        logger: createLogger('router', 'silent'),
        registry: createMetricsRegistry('router-late'),
        subject,
        stream: topology.streams.events.name,
      },
    );
    try {
      // No waiting: the report was published before this replica started.
      expect(late.states.isOpen('ollama')).toBe(true);
      expect(late.states.isOpen('anthropic')).toBe(false);
    } finally {
      await late.stop();
    }
  });
});
