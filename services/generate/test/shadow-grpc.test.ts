import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { GenerateClient, GrpcServer, RetrieveClient, RouterClient } from '@ragfleet/grpc';
import { protos, type GenerateV1, type RetrieveV1, type RouterV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import { startFakeOllama, uniqueSuffix, type FakeOllama } from '@ragfleet/testing';
import { GrpcBudgets } from '../src/adapters/grpc-budgets.ts';
import { GrpcModelRouter } from '../src/adapters/grpc-model-router.ts';
import { GrpcRetriever } from '../src/adapters/grpc-retriever.ts';
import { OllamaProvider } from '../src/adapters/ollama-provider.ts';
import { loadPromptLibrary } from '../src/adapters/prompt-files.ts';
import { AnswerPipeline } from '../src/domain/answer-pipeline.ts';
import { ProviderGuard } from '../src/domain/provider-guard.ts';
import { generateHandlers } from '../src/grpc/answer-handlers.ts';
import { catalogPrices } from '../src/shadow/catalog-prices.ts';
import { shadowReport } from '../src/shadow/shadow-report.ts';
import { ShadowRunner } from '../src/shadow/shadow-runner.ts';
import { MemoryShadowStore } from '../src/shadow/shadow-store.ts';
import { FakeBudgetRouter } from './fake-budget-router.ts';
import { startPlanningProxy, type PlanningProxy } from './panel-ollama-proxy.ts';
import { retrieveHandlers, routerHandlers } from './stand-in-handlers.ts';

const logger = createLogger('generate-shadow-test', 'silent');
const PRIMARY = { provider: 'ollama', model: 'llama3.2', inputPricePerMtok: 0.25, outputPricePerMtok: 1.25 };
const CANDIDATE = {
  provider: 'ollama',
  model: 'slow-candidate',
  inputPricePerMtok: 3,
  outputPricePerMtok: 15,
};
const SLOW_MS = 1_500;
const HIT: RetrieveV1.SearchHit = {
  chunkId: 'shadow#0',
  documentId: 'shadow',
  title: 'shadow.md',
  text: 'A shadow run answers the same question on a candidate and is only compared, never shown.',
  score: 0.9,
  start: 0,
  end: 90,
};

let ollama: FakeOllama;
let proxy: PlanningProxy;
let upstream: GrpcServer;
let server: GrpcServer;
let client: GenerateClient;
let routerClient: RouterClient;
let retrieveClient: RetrieveClient;
let shadow: ShadowRunner;
const budgets = new FakeBudgetRouter([PRIMARY, CANDIDATE]);

beforeAll(async () => {
  ollama = await startFakeOllama();
  ollama.setChatBehavior({ mode: 'ok', tokens: ['Shadows', ' only', ' observe', ' [1].'] });
  proxy = await startPlanningProxy(ollama.url);
  proxy.setPlan((call) => ({ delayMs: call.model === CANDIDATE.model ? SLOW_MS : 0 }));
  upstream = new GrpcServer({ service: 'upstream', logger, registry: createMetricsRegistry('upstream') });
  upstream.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers({
      Route: async (): Promise<RouterV1.RouteResponse> => ({ chain: [PRIMARY], reason: 'shadow test route' }),
      ListModels: async (): Promise<RouterV1.ListModelsResponse> => ({ models: [PRIMARY, CANDIDATE] }),
      ...budgets.handlers(),
    }),
  );
  const unimplemented = async () => {
    throw new RagfleetError('INTERNAL', 'not part of this test');
  };
  upstream.addService(
    'ragfleet.retrieve.v1.RetrieveService',
    protos.retrieve().RetrieveService.service,
    retrieveHandlers({
      Search: async (): Promise<RetrieveV1.SearchResponse> => ({ hits: [HIT] }),
    }),
  );
  const port = await upstream.listen(0, '127.0.0.1');
  routerClient = new RouterClient(`127.0.0.1:${port}`);
  retrieveClient = new RetrieveClient(`127.0.0.1:${port}`);
  const prompts = loadPromptLibrary('rag-answer', 'v3');
  const providers = [new OllamaProvider({ host: proxy.url })];
  const pipeline = new AnswerPipeline({
    router: new GrpcModelRouter(routerClient),
    retriever: new GrpcRetriever(retrieveClient),
    prompts,
    providers,
    guard: new ProviderGuard({ retries: 0 }),
    defaultTopK: 3,
    budgets: new GrpcBudgets(routerClient),
    maxOutputTokens: 256,
  });
  shadow = new ShadowRunner({
    share: 1,
    candidate: { model: { provider: CANDIDATE.provider, model: CANDIDATE.model }, promptVersion: 'v2' },
    budgetUsd: 1,
    maxConcurrent: 8,
    keepRecent: 10,
    store: new MemoryShadowStore(),
    prices: catalogPrices(routerClient),
    prompts,
    providers,
    guard: new ProviderGuard({ retries: 0 }),
    maxOutputTokens: 256,
  });
  server = new GrpcServer({ service: 'generate', logger, registry: createMetricsRegistry('generate') });
  server.addService(
    'ragfleet.generate.v1.GenerateService',
    protos.generate().GenerateService.service,
    generateHandlers(
      (request, context) => shadow.observe(pipeline.answer(request, context.signal), request),
      unimplemented,
      unimplemented,
    ),
  );
  client = new GenerateClient(`127.0.0.1:${await server.listen(0, '127.0.0.1')}`);
});

afterAll(async () => {
  await shadow.settled();
  client.close();
  routerClient.close();
  retrieveClient.close();
  await server.close();
  await upstream.close();
  await proxy.close();
  await ollama.close();
});

/** One answer, with when its first token and its end reached the client. */
async function timedAnswer(): Promise<{
  events: GenerateV1.AnswerResponse__Output[];
  firstTokenMs: number;
  endMs: number;
}> {
  const events: GenerateV1.AnswerResponse__Output[] = [];
  const started = performance.now();
  let firstTokenMs = -1;
  await runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant: 'acme' }, async () => {
    for await (const event of client.answer({ query: 'What does a shadow run do?', tier: 'standard' })) {
      if (event.token && firstTokenMs < 0) firstTokenMs = performance.now() - started;
      events.push(event);
    }
  });
  return { events, firstTokenMs, endMs: performance.now() - started };
}

describe('shadow runs over gRPC', () => {
  it('never delays the primary, never touches the tenant budget, and compares the candidate', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await timedAnswer());
    for (const { events, firstTokenMs, endMs } of answers) {
      // The candidate takes 1.5 s before its first token; the primary is not held back by it.
      expect(firstTokenMs).toBeGreaterThanOrEqual(0);
      expect(firstTokenMs).toBeLessThan(SLOW_MS / 3);
      expect(endMs).toBeLessThan(SLOW_MS / 3);
      // The caller sees only the primary.
      expect(events.at(-1)?.done?.model).toBe(PRIMARY.model);
      expect(events.map((event) => event.token?.text ?? '').join('')).toBe('Shadows only observe [1].');
    }
    // The shadow calls started after the primary's own chat, and were still running when it ended.
    const primaryCalls = proxy.calls.filter((call) => call.model === PRIMARY.model);
    const candidateCalls = proxy.calls.filter((call) => call.model === CANDIDATE.model);
    expect(candidateCalls.length).toBeGreaterThanOrEqual(1);
    expect(candidateCalls[0]!.receivedAt).toBeGreaterThan(primaryCalls[0]!.receivedAt);
    await shadow.settled();
    expect(candidateCalls).toHaveLength(3);
    // Only the primary's model reached Reserve and Settle: the shadow is paid from its own budget.
    expect(budgets.reserves.map((reservation) => reservation.model)).toEqual([
      PRIMARY.model,
      PRIMARY.model,
      PRIMARY.model,
    ]);
    expect(budgets.settles.map((settlement) => settlement.model)).toEqual([
      PRIMARY.model,
      PRIMARY.model,
      PRIMARY.model,
    ]);
    const report = await shadowReport(shadow);
    expect(report.enabled).toBe(true);
    expect(report.summary?.candidate).toBe('ollama/slow-candidate + prompt v2');
    expect(report.summary?.runs).toBe(3);
    expect(report.summary?.errors).toBe(0);
    expect(report.summary?.latencyMsDelta).toBeGreaterThan(SLOW_MS * 0.8);
    expect(report.summary?.lengthRatio).toBeCloseTo(1);
    expect(report.summary?.citationOverlap).toBe(1);
    expect(report.summary?.costUsdDelta).toBeGreaterThan(0); // the candidate's prices are higher
    expect(report.summary?.spentUsd).toBeGreaterThan(0);
    expect(report.summary?.spentUsd).toBeLessThan(1);
  });
});
