import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GrpcServer, RouterClient } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import { join } from 'node:path';
import { loadCatalogFile } from '../src/adapters/catalog-file.ts';
import { gptTokenCounter } from '../src/adapters/gpt-token-counter.ts';
import { loadDomainTermsFile, loadRoutingConfigFile } from '../src/adapters/routing-files.ts';
import { ComplexityAnalyzer, DomainTerms } from '../src/domain/complexity.ts';
import { RoutePolicy, type RouteDecision } from '../src/domain/route-policy.ts';
import { routerHandlers } from '../src/grpc/router-handlers.ts';

let server: GrpcServer;
let client: RouterClient;
const decided: Array<{ decision: RouteDecision; seconds: number }> = [];
const root = join(import.meta.dirname, '..');

beforeAll(async () => {
  const catalog = loadCatalogFile(join(root, 'catalog.json'));
  const policy = new RoutePolicy({
    catalog: () => catalog,
    enabled: new Set(['extractive', 'ollama', 'anthropic']),
    analyzer: new ComplexityAnalyzer({
      config: loadRoutingConfigFile(join(root, 'routing-weights.json')),
      domainTerms: new DomainTerms(loadDomainTermsFile(join(root, 'domain-terms.txt'))),
      countTokens: gptTokenCounter,
    }),
    health: { isOpen: () => false },
    budget: { forCaller: async () => () => true },
    contextMarginTokens: 1_024,
  });
  server = new GrpcServer({
    service: 'router',
    logger: createLogger('router', 'silent'),
    registry: createMetricsRegistry('router'),
  });
  server.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers(policy, { decided: (decision, seconds) => decided.push({ decision, seconds }) }),
  );
  const port = await server.listen(0, '127.0.0.1');
  client = new RouterClient(`127.0.0.1:${port}`);
});

afterAll(async () => {
  client.close();
  await server.close();
});

describe('RouterService over gRPC', () => {
  it('routes a reasoning premium question to the model that clears the bar and explains the decision', async () => {
    const response = await client.route({
      query: 'Prove that reciprocal rank fusion is monotone, and derive why k = 60 dampens the top ranks.',
      tier: 'premium',
      prefer: '',
      conversationDepth: 2,
    });
    expect(response.chain[0]).toMatchObject({
      provider: 'anthropic',
      model: 'claude-sonnet-4-6',
      outputPricePerMtok: 15,
      contextWindow: 200_000,
      quality: 88,
      typicalLatencyMs: 1800,
    });
    expect(response.chain.at(-1)).toMatchObject({ provider: 'extractive', model: 'extractive-v1' });
    expect(response.decision).toMatchObject({
      complexityClass: 'reasoning',
      prefer: 'cost',
      budgetFallback: false,
    });
    expect(response.decision?.score).toBeGreaterThan(0);
    expect(response.decision?.features.map((feature) => feature.name)).toContain('reasoning_verbs');
    expect(response.decision?.skipped).toEqual([
      { provider: 'anthropic', model: 'claude-opus-4-5', reason: 'tier' },
    ]);
    expect(response.reason).toContain('reasoning question');
    expect(decided.at(-1)?.decision.tier).toBe('premium');
    expect(decided.at(-1)?.seconds).toBeLessThan(0.05);
  });

  it('sends a short lookup on the free tier to the cheapest model and skips a too-small context', async () => {
    const simple = await client.route({ query: 'What is HNSW?', tier: 'free' });
    expect(simple.decision?.complexityClass).toBe('simple');
    expect(simple.chain.map((model) => model.model)).toEqual(['llama3.2', 'extractive-v1']);
    const long = await client.route({ query: 'What is HNSW?', tier: 'standard', promptTokens: 150_000 });
    expect(long.chain.map((model) => model.model)).toEqual(['claude-haiku-4-5', 'extractive-v1']);
    expect(long.decision?.skipped).toContainEqual({
      provider: 'ollama',
      model: 'llama3.2',
      reason: 'context_window',
    });
  });

  it("takes the tier from the caller's identity, as a ceiling", async () => {
    const asStandard = <T>(call: () => Promise<T>) =>
      runWithRequestContext({ requestId: 'r-tier', tenant: 'acme', tier: 'standard' }, call);
    const dearer = await asStandard(() =>
      client.route({ query: 'Prove it, and derive why.', tier: 'premium' }),
    );
    expect(dearer.chain.map((model) => model.model)).not.toContain('claude-sonnet-4-6');
    expect(decided.at(-1)?.decision.tier).toBe('standard');
    await asStandard(() => client.route({ query: 'What is HNSW?', tier: '' }));
    expect(decided.at(-1)?.decision.tier).toBe('standard');
    await asStandard(() => client.route({ query: 'What is HNSW?', tier: 'free' }));
    expect(decided.at(-1)?.decision.tier).toBe('free');
  });

  const badInputs: Array<{ tier: string; prefer?: string }> = [
    { tier: 'platinum' },
    { tier: 'free', prefer: 'speed' },
  ];
  it.each(badInputs)('answers %j with INVALID_ARGUMENT', async (input) => {
    await expect(client.route({ query: 'hello', ...input })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('lists the enabled models with their context window, quality and latency', async () => {
    const response = await client.listModels();
    expect(response.models.map((model) => model.model)).toEqual([
      'extractive-v1',
      'llama3.2',
      'claude-haiku-4-5',
      'claude-sonnet-4-6',
      'claude-opus-4-5',
    ]);
    expect(response.models.every((model) => model.contextWindow > 0)).toBe(true);
  });

  it('answers UNIMPLEMENTED for every method nobody handles (here GetUsage and the budget methods)', async () => {
    for (const method of ['GetUsage', 'Reserve', 'ListBudgets'] as const) {
      await expect(client.grpc.unary(method, {}, { idempotent: true })).rejects.toMatchObject({
        code: 'METHOD_NOT_ALLOWED',
        message: `${method} is not served yet.`,
      });
    }
  });
});
