import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { InMemoryEventBus, type EventEnvelope } from '@ragfleet/events';
import { GenerateClient, GrpcServer, RetrieveClient, RouterClient } from '@ragfleet/grpc';
import { protos, type GenerateV1, type RetrieveV1, type RouterV1 } from '@ragfleet/protos';
import {
  createLogger,
  createMetricsRegistry,
  runWithRequestContext,
  type Registry,
} from '@ragfleet/telemetry';
import { startFakeAnthropic, uniqueSuffix, waitFor, type FakeAnthropic } from '@ragfleet/testing';
import { AnthropicProvider } from '../src/adapters/anthropic-provider.ts';
import {
  CompletionPublisher,
  EVENTS_STREAM,
  GENERATION_COMPLETED_SUBJECT,
  type GenerationCompleted,
} from '../src/adapters/completion-publisher.ts';
import { ExtractiveProvider } from '../src/adapters/extractive/extractive-provider.ts';
import { GrpcModelRouter } from '../src/adapters/grpc-model-router.ts';
import { GrpcRetriever } from '../src/adapters/grpc-retriever.ts';
import { loadPromptLibrary } from '../src/adapters/prompt-files.ts';
import { AnswerMetrics } from '../src/answer-metrics.ts';
import { composeAnswerService } from '../src/answer-service.ts';
import { AnswerPipeline } from '../src/domain/answer-pipeline.ts';
import { SESSION_SUMMARY } from '../src/domain/prompt-template.ts';
import { ProviderGuard } from '../src/domain/provider-guard.ts';
import { Summarizer } from '../src/domain/summarizer.ts';
import { generateHandlers } from '../src/grpc/answer-handlers.ts';
import { retrieveHandlers, routerHandlers } from './stand-in-handlers.ts';

const logger = createLogger('generate-test', 'silent');
const HITS: RetrieveV1.SearchHit[] = [
  {
    chunkId: 'readme#0',
    documentId: 'readme',
    title: 'README.md',
    text: 'ragfleet is a RAG platform built as a fleet of TypeScript services. Answers stream as NDJSON events with citations.',
    score: 0.91,
    start: 0,
    end: 117,
  },
];

const searches: RetrieveV1.SearchRequest__Output[] = [];
const routedTenants: string[] = [];
let upstream: GrpcServer;
let generateServer: GrpcServer;
let client: GenerateClient;
let routerClient: RouterClient;
let retrieveClient: RetrieveClient;
let anthropic: FakeAnthropic;
let bus: InMemoryEventBus;
let registry: Registry;
const published: Array<EventEnvelope<GenerationCompleted>> = [];

const unimplemented = async () => {
  throw new RagfleetError('INTERNAL', 'not part of this test');
};

beforeAll(async () => {
  anthropic = await startFakeAnthropic();
  // Router and retrieve stand in as small gRPC servers, so the real clients and adapters run.
  upstream = new GrpcServer({ service: 'upstream', logger, registry: createMetricsRegistry('upstream') });
  upstream.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers({
      Route: async (request: RouterV1.RouteRequest__Output, context): Promise<RouterV1.RouteResponse> => {
        routedTenants.push(context.tenant);
        if (request.tier === 'platinum')
          throw new RagfleetError('INVALID_ARGUMENT', 'unknown tier "platinum"');
        const chain = [{ provider: 'extractive', model: 'extractive-v1' }];
        if (request.tier === 'premium') chain.unshift({ provider: 'anthropic', model: 'claude-sonnet-4-6' });
        return { chain, reason: `test route for ${request.tier}` };
      },
      ListModels: async () => ({ models: [] }),
      GetUsage: async () => ({}),
    }),
  );
  upstream.addService(
    'ragfleet.retrieve.v1.RetrieveService',
    protos.retrieve().RetrieveService.service,
    retrieveHandlers({
      Search: async (request: RetrieveV1.SearchRequest__Output): Promise<RetrieveV1.SearchResponse> => {
        searches.push(request);
        return { hits: HITS };
      },
    }),
  );
  const upstreamPort = await upstream.listen(0, '127.0.0.1');
  routerClient = new RouterClient(`127.0.0.1:${upstreamPort}`);
  retrieveClient = new RetrieveClient(`127.0.0.1:${upstreamPort}`);

  const suffix = uniqueSuffix();
  bus = new InMemoryEventBus({ streams: [EVENTS_STREAM], logger });
  await bus.subscribe<GenerationCompleted>(
    GENERATION_COMPLETED_SUBJECT,
    { durable: `test_${suffix}` },
    async (event) => {
      published.push(event);
    },
  );

  registry = createMetricsRegistry('generate');
  const providers = [
    new ExtractiveProvider(),
    new AnthropicProvider({ apiKey: 'test-key', baseURL: anthropic.url }),
  ];
  const guard = new ProviderGuard({ retries: 0 });
  const pipeline = new AnswerPipeline({
    router: new GrpcModelRouter(routerClient),
    retriever: new GrpcRetriever(retrieveClient),
    prompts: loadPromptLibrary('rag-answer', 'v1'),
    providers,
    guard,
    defaultTopK: 3,
  });
  const summarizer = new Summarizer({
    router: new GrpcModelRouter(routerClient),
    prompts: loadPromptLibrary(SESSION_SUMMARY, 'v1'),
    providers,
    guard,
  });
  generateServer = new GrpcServer({ service: 'generate', logger, registry });
  generateServer.addService(
    'ragfleet.generate.v1.GenerateService',
    protos.generate().GenerateService.service,
    generateHandlers(
      composeAnswerService(pipeline, new AnswerMetrics(registry), new CompletionPublisher(bus, logger)),
      (request, context) => summarizer.summarize(request, context.signal),
      unimplemented,
    ),
  );
  const port = await generateServer.listen(0, '127.0.0.1');
  client = new GenerateClient(`127.0.0.1:${port}`);
});

afterAll(async () => {
  client.close();
  routerClient.close();
  retrieveClient.close();
  await generateServer.close();
  await upstream.close();
  await bus.close();
  await anthropic.close();
});

async function answer(request: GenerateV1.AnswerRequest): Promise<GenerateV1.AnswerResponse__Output[]> {
  const events: GenerateV1.AnswerResponse__Output[] = [];
  await runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant: 'acme' }, async () => {
    for await (const event of client.answer(request)) events.push(event);
  });
  return events;
}

const tokens = (events: GenerateV1.AnswerResponse__Output[]) =>
  events.map((e) => e.token?.text ?? '').join('');

describe('GenerateService.Answer end to end', () => {
  it('streams status, citations, tokens, usage and done from the extractive provider', async () => {
    const events = await answer({
      query: 'How do answers stream?',
      k: 2,
      filters: { lang: 'en' },
      tier: 'free',
    });
    // Words the extractive answerer produces together cross the wire as one coalesced token event.
    expect(events.map((e) => e.event)).toEqual([
      'status',
      'status',
      'citations',
      'status',
      'token',
      'usage',
      'done',
    ]);
    expect(events[0]?.status).toMatchObject({
      stage: 'routing',
      message: 'test route for free',
      provider: 'extractive',
    });
    expect(events[2]?.citations?.citations[0]).toMatchObject({
      index: 1,
      documentId: 'readme',
      chunkId: 'readme#0',
      start: 0,
      end: 117,
    });
    expect(tokens(events)).toBe('Answers stream as NDJSON events with citations [1].');
    expect(events.at(-1)?.done).toEqual({
      provider: 'extractive',
      model: 'extractive-v1',
      finishReason: 'stop',
      promptVersion: 'v1',
      timeToFirstTokenMs: expect.any(Number),
      cached: false,
      costUsd: 0,
      decision: null,
      answerId: expect.any(String),
      experimentId: '',
      variant: '',
    });
    expect(searches.at(-1)).toMatchObject({ query: 'How do answers stream?', k: 2, filters: { lang: 'en' } });
    expect(routedTenants.at(-1)).toBe('acme');

    const event = await waitFor(() => published.find((e) => e.data.provider === 'extractive'));
    expect(event).toMatchObject({ type: 'generate.answer.completed', source: 'generate', tenant: 'acme' });
    expect(event?.data).toMatchObject({ model: 'extractive-v1', promptVersion: 'v1', outputTokens: 8 });
    expect(event?.data.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('falls back from a failing anthropic to the extractive answer, visibly', async () => {
    anthropic.setBehavior({ mode: 'fail-before-first-token', status: 500 });
    const events = await answer({ query: 'How do answers stream?', tier: 'premium', promptVersion: 'v2' });
    const fallback = events.find((e) => e.status?.stage === 'fallback');
    expect(fallback?.status).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-6' });
    expect(events.at(-1)?.done).toMatchObject({ provider: 'extractive', promptVersion: 'v2' });
    expect(searches.at(-1)?.k).toBe(3);
    const metrics = await registry.getSingleMetricAsString('ragfleet_generate_fallbacks_total');
    expect(metrics).toMatch(/ragfleet_generate_fallbacks_total\{from="anthropic"[^}]*\} 1/);
  });

  it('carries a mid-stream failure as an explicit error event', async () => {
    anthropic.setBehavior({ mode: 'fail-mid-stream', tokensBeforeFailure: ['Partial'] });
    const events = await answer({ query: 'How do answers stream?', tier: 'premium' });
    expect(tokens(events)).toBe('Partial');
    expect(events.at(-1)?.error).toMatchObject({ code: 'PROVIDER_FAILED', retryable: true });
    expect(events.some((e) => e.done)).toBe(false);
  });

  it('rejects bad input with INVALID_ARGUMENT statuses', async () => {
    await expect(answer({ query: 'q', tier: 'platinum' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(answer({ query: 'q', promptVersion: 'v99' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(answer({ query: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
