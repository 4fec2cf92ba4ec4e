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
import { startFakeOllama, uniqueSuffix, waitFor, type FakeOllama } from '@ragfleet/testing';
import {
  CompletionPublisher,
  EVENTS_STREAM,
  GENERATION_COMPLETED_SUBJECT,
  type GenerationCompleted,
} from '../src/adapters/completion-publisher.ts';
import { CountedResponseCache } from '../src/adapters/counted-response-cache.ts';
import { GrpcModelRouter } from '../src/adapters/grpc-model-router.ts';
import { GrpcRetriever } from '../src/adapters/grpc-retriever.ts';
import { MemoryResponseCache } from '../src/adapters/memory-response-cache.ts';
import { OllamaProvider } from '../src/adapters/ollama-provider.ts';
import { loadPromptLibrary } from '../src/adapters/prompt-files.ts';
import { AnswerMetrics } from '../src/answer-metrics.ts';
import { composeAnswerService } from '../src/answer-service.ts';
import { AnswerPipeline } from '../src/domain/answer-pipeline.ts';
import { ProviderGuard } from '../src/domain/provider-guard.ts';
import { generateHandlers } from '../src/grpc/answer-handlers.ts';
import { startGatewayInFront, type GatewayInFront } from './gateway-in-front.ts';
import { retrieveHandlers, routerHandlers } from './stand-in-handlers.ts';

/*
 * The response cache, the cost and the decision through real gRPC: a router and a retrieve
 * stand-in, generate with the Ollama provider against the fake Ollama (which counts every
 * request it gets), and the gateway's app in front of a second generate without a cache.
 */

const logger = createLogger('generate-cache-test', 'silent');
const LLAMA = { provider: 'ollama', model: 'llama3.2', inputPricePerMtok: 0.25, outputPricePerMtok: 1.25 };
const DECISION: RouterV1.RouteDecision = {
  complexityClass: 'simple',
  score: 0.125,
  features: [{ name: 'length', value: 6, contribution: 0.125 }],
  skipped: [{ provider: 'anthropic', model: 'claude-sonnet-4-6', reason: 'tier' }],
  prefer: 'cost',
  budgetFallback: false,
};
const HIT: RetrieveV1.SearchHit = {
  chunkId: 'readme#0',
  documentId: 'readme',
  title: 'README.md',
  text: 'Answers stream as NDJSON events with citations.',
  score: 0.9,
  start: 0,
  end: 48,
};
const ANSWER_TOKENS = [
  'Answers',
  ' stream',
  ' as',
  ' NDJSON',
  ' [1].',
  ' Each',
  ' event',
  ' is',
  ' a',
  ' line.',
];

let ollama: FakeOllama;
let upstream: GrpcServer;
let routerClient: RouterClient;
let retrieveClient: RetrieveClient;
const generates: GrpcServer[] = [];
const clients: GenerateClient[] = [];
let cached: GenerateClient;
let uncachedAddress: string;
let registry: Registry;
let bus: InMemoryEventBus;
const published: Array<EventEnvelope<GenerationCompleted>> = [];
const routes: RouterV1.RouteRequest__Output[] = [];
let hits: RetrieveV1.SearchHit[] = [HIT];

const unimplemented = async () => {
  throw new RagfleetError('INTERNAL', 'not part of this test');
};

async function startGenerate(options: { cache: boolean }): Promise<string> {
  const serverRegistry = options.cache ? registry : createMetricsRegistry('generate-uncached');
  const pipeline = new AnswerPipeline({
    router: new GrpcModelRouter(routerClient),
    retriever: new GrpcRetriever(retrieveClient),
    prompts: loadPromptLibrary('rag-answer', 'v3'),
    providers: [new OllamaProvider({ host: ollama.url })],
    guard: new ProviderGuard({ retries: 0 }),
    defaultTopK: 3,
    ...(options.cache
      ? {
          responseCache: new CountedResponseCache(
            new MemoryResponseCache({ maxEntries: 100, ttlSeconds: 60 }),
            serverRegistry,
          ),
        }
      : {}),
  });
  const server = new GrpcServer({ service: 'generate', logger, registry: serverRegistry });
  server.addService(
    'ragfleet.generate.v1.GenerateService',
    protos.generate().GenerateService.service,
    generateHandlers(
      composeAnswerService(pipeline, new AnswerMetrics(serverRegistry), new CompletionPublisher(bus, logger)),
      unimplemented,
      unimplemented,
    ),
  );
  generates.push(server);
  return `127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
}

beforeAll(async () => {
  ollama = await startFakeOllama();
  ollama.setChatBehavior({ mode: 'ok', tokens: ANSWER_TOKENS });
  upstream = new GrpcServer({ service: 'upstream', logger, registry: createMetricsRegistry('upstream') });
  upstream.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers({
      Route: async (request: RouterV1.RouteRequest__Output): Promise<RouterV1.RouteResponse> => {
        routes.push(request);
        return { chain: [LLAMA], reason: 'cheapest model that clears the bar', decision: DECISION };
      },
      ListModels: async () => ({ models: [] }),
      GetUsage: async () => ({}),
    }),
  );
  upstream.addService(
    'ragfleet.retrieve.v1.RetrieveService',
    protos.retrieve().RetrieveService.service,
    retrieveHandlers({
      Search: async (): Promise<RetrieveV1.SearchResponse> => ({ hits }),
    }),
  );
  const upstreamPort = await upstream.listen(0, '127.0.0.1');
  routerClient = new RouterClient(`127.0.0.1:${upstreamPort}`);
  retrieveClient = new RetrieveClient(`127.0.0.1:${upstreamPort}`);

  bus = new InMemoryEventBus({ streams: [EVENTS_STREAM], logger });
  await bus.subscribe<GenerationCompleted>(
    GENERATION_COMPLETED_SUBJECT,
    { durable: `cache_test_${uniqueSuffix()}` },
    async (event) => {
      published.push(event);
    },
  );
  registry = createMetricsRegistry('generate');
  cached = new GenerateClient(await startGenerate({ cache: true }));
  clients.push(cached);
  uncachedAddress = await startGenerate({ cache: false });
});

afterAll(async () => {
  for (const client of clients) client.close();
  routerClient.close();
  retrieveClient.close();
  for (const server of generates) await server.close();
  await upstream.close();
  await bus.close();
  await ollama.close();
});

const chatCalls = () => ollama.requests.filter((request) => request.path === '/api/chat').length;

async function ask(
  client: GenerateClient,
  request: GenerateV1.AnswerRequest,
  identity: { tenant: string; user?: string } = { tenant: 'acme', user: 'ada' },
): Promise<GenerateV1.AnswerResponse__Output[]> {
  const events: GenerateV1.AnswerResponse__Output[] = [];
  await runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, ...identity }, async () => {
    for await (const event of client.answer(request)) events.push(event);
  });
  return events;
}

const text = (events: GenerateV1.AnswerResponse__Output[]) => events.map((e) => e.token?.text ?? '').join('');
const doneOf = (events: GenerateV1.AnswerResponse__Output[]) => events.find((e) => e.done)?.done;
const usageOf = (events: GenerateV1.AnswerResponse__Output[]) => events.find((e) => e.usage)?.usage;
// At the model's prices, rounded to the micro-dollar as the router's budgets settle it.
const costOf = (usage: { inputTokens: number; outputTokens: number } | null | undefined) =>
  Math.round(
    (usage?.inputTokens ?? 0) * LLAMA.inputPricePerMtok +
      (usage?.outputTokens ?? 0) * LLAMA.outputPricePerMtok,
  ) / 1e6;

describe('generate response cache over gRPC', () => {
  it('answers a repeated question from the cache: no Ollama call, same answer, cached done, cost 0', async () => {
    const before = chatCalls();
    const question = `How do answers stream? ${uniqueSuffix()}`;
    const live = await ask(cached, { query: question, prefer: 'cost' });
    expect(chatCalls()).toBe(before + 1);
    const replayed = await ask(cached, { query: `  ${question.toUpperCase()}  ` });
    expect(chatCalls()).toBe(before + 1);

    expect(text(replayed)).toBe(ANSWER_TOKENS.join(''));
    expect(text(replayed)).toBe(text(live));
    // It streams like the live answer: the stored chunks cross as events of their own, not one.
    const tokenEvents = (events: GenerateV1.AnswerResponse__Output[]) => events.filter((e) => e.token).length;
    expect(tokenEvents(replayed)).toBeGreaterThan(1);
    expect(usageOf(replayed)).toEqual(usageOf(live));
    expect(replayed.find((e) => e.status?.stage === 'cache')?.status).toMatchObject({
      provider: 'ollama',
      model: 'llama3.2',
    });
    const liveDone = doneOf(live);
    expect(liveDone).toMatchObject({ cached: false, provider: 'ollama', model: 'llama3.2' });
    expect(liveDone?.costUsd).toBeGreaterThan(0);
    expect(liveDone?.costUsd).toBe(costOf(usageOf(live)));
    expect(liveDone?.decision).toEqual({ ...DECISION, score: expect.closeTo(0.125, 10) });
    expect(doneOf(replayed)).toMatchObject({ cached: true, costUsd: 0, decision: liveDone?.decision });
    expect(routes.at(-2)).toMatchObject({ prefer: 'cost', conversationDepth: 0 });

    const metrics = await registry.metrics();
    expect(metrics).toMatch(/ragfleet_generate_response_cache_hits_total\{[^}]*\} 1\n/);
    expect(metrics).toMatch(/ragfleet_generate_response_cache_misses_total\{[^}]*\} 1\n/);
    expect(metrics).toMatch(/ragfleet_generate_answers_total\{provider="cache",outcome="ok"[^}]*\} 1\n/);
  });

  it('publishes generation.completed with the caller, the cost and cached for both answers', async () => {
    const question = `What is NDJSON? ${uniqueSuffix()}`;
    const user = `ada-${uniqueSuffix()}`;
    const live = await ask(cached, { query: question }, { tenant: 'acme', user });
    await ask(cached, { query: question }, { tenant: 'acme', user });
    const events = await waitFor(() => {
      const mine = published.filter((event) => event.data.user === user);
      return mine.length === 2 ? mine : undefined;
    });
    const [first, second] = events ?? [];
    const usage = usageOf(live);
    expect(first?.data).toEqual({
      generationId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      task: 'answer',
      tenant: 'acme',
      user,
      provider: 'ollama',
      model: 'llama3.2',
      promptVersion: 'v3',
      finishReason: 'stop',
      inputTokens: usage?.inputTokens,
      outputTokens: usage?.outputTokens,
      costUsd: costOf(usage),
      latencyMs: expect.any(Number),
      timeToFirstTokenMs: expect.any(Number),
      cached: false,
    });
    expect(first?.id).toBe(first?.data.generationId);
    expect(second?.data).toMatchObject({
      cached: true,
      costUsd: 0,
      inputTokens: usage?.inputTokens,
      outputTokens: usage?.outputTokens,
    });
    expect(second?.data.generationId).not.toBe(first?.data.generationId);
    expect(first?.data).not.toHaveProperty('keyId'); // CallContext carries no key id yet
  });

  it('misses once the retrieved chunk has new text, and for another tenant', async () => {
    const question = `Do answers cite? ${uniqueSuffix()}`;
    await ask(cached, { query: question });
    const before = chatCalls();
    hits = [{ ...HIT, text: 'Answers stream as NDJSON events, each citing its passages.' }];
    try {
      expect(doneOf(await ask(cached, { query: question }))).toMatchObject({ cached: false });
      expect(chatCalls()).toBe(before + 1);
      expect(doneOf(await ask(cached, { query: question }))).toMatchObject({ cached: true });
      expect(doneOf(await ask(cached, { query: question }, { tenant: 'globex' }))).toMatchObject({
        cached: false,
      });
      expect(chatCalls()).toBe(before + 2);
    } finally {
      hits = [HIT];
    }
  });
});

describe('cost through the gateway', () => {
  let gateway: GatewayInFront;

  beforeAll(async () => {
    // Without a cache, so that the second answer is generated too and its cost is the model's.
    gateway = await startGatewayInFront(uncachedAddress);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const post = (body: object) => gateway.rag(body);

  it('costs exactly the same streamed (NDJSON) and whole (JSON)', async () => {
    const question = 'How do answers stream through the gateway?';
    const before = chatCalls();
    const streamed = await post({ query: question, stream: true });
    expect(streamed.status).toBe(200);
    const lines = (await streamed.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const done = lines.find((line) => line.type === 'done');
    const { type: _type, ...usage } = lines.find((line) => line.type === 'usage') as {
      type: string;
      input_tokens: number;
      output_tokens: number;
    };

    const whole = await post({ query: question, stream: false });
    expect(whole.status).toBe(200);
    const answer = (await whole.json()) as Record<string, unknown>;
    expect(chatCalls()).toBe(before + 2); // both generated: no cache on this generate

    const expected = costOf({ inputTokens: usage.input_tokens, outputTokens: usage.output_tokens });
    expect(expected).toBeGreaterThan(0);
    expect(done?.cost_usd).toBe(expected);
    expect(answer.cost_usd).toBe(expected);
    expect(answer.usage).toEqual(usage); // the same token counts, hence the same cost
    const decision = {
      complexity_class: 'simple',
      score: expect.closeTo(0.125, 10),
      features: [{ name: 'length', value: 6, contribution: expect.closeTo(0.125, 10) }],
      skipped: [{ provider: 'anthropic', model: 'claude-sonnet-4-6', reason: 'tier' }],
      prefer: 'cost',
      budget_fallback: false,
    };
    expect(done).toMatchObject({ cached: false, decision });
    expect(answer).toMatchObject({ cached: false, decision });
  });
});
