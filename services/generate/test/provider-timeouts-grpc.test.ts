import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { InMemoryEventBus } from '@ragfleet/events';
import { GenerateClient, GrpcServer, RetrieveClient, RouterClient } from '@ragfleet/grpc';
import { protos, type GenerateV1, type RetrieveV1, type RouterV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import { startFakeOllama, uniqueSuffix, waitFor, type FakeOllama } from '@ragfleet/testing';
import { CompletionPublisher, EVENTS_STREAM } from '../src/adapters/completion-publisher.ts';
import { ExtractiveProvider } from '../src/adapters/extractive/extractive-provider.ts';
import { GrpcModelRouter } from '../src/adapters/grpc-model-router.ts';
import { GrpcRetriever } from '../src/adapters/grpc-retriever.ts';
import { OllamaProvider } from '../src/adapters/ollama-provider.ts';
import { loadPromptLibrary } from '../src/adapters/prompt-files.ts';
import { providerHealthPublisher, type ProviderHealth } from '../src/adapters/provider-health-publisher.ts';
import { AnswerMetrics } from '../src/answer-metrics.ts';
import { composeAnswerService } from '../src/answer-service.ts';
import { AnswerPipeline } from '../src/domain/answer-pipeline.ts';
import type { ProviderTimeouts } from '../src/domain/attempt-timer.ts';
import { ProviderGuard } from '../src/domain/provider-guard.ts';
import { generateHandlers } from '../src/grpc/answer-handlers.ts';
import { startDelayingProxy, type DelayingProxy } from './delaying-proxy.ts';
import { retrieveHandlers, routerHandlers } from './stand-in-handlers.ts';

/*
 * Per-provider timeouts through real gRPC: the fake Ollama behind a proxy that holds its answer
 * back like a cold local model, generate with a breaker that opens at the first failure (so a
 * slow first token that counted would show), extractive as the fallback, and the breaker's state
 * changes published on the provider health subject.
 */

const logger = createLogger('generate-timeouts-test', 'silent');
const HEALTH_SUBJECT = `ragfleet.events.provider.health`;
const TIMEOUTS: ProviderTimeouts = { connectMs: 1_000, firstTokenMs: 600, totalMs: 1_500 };
const HIT: RetrieveV1.SearchHit = {
  chunkId: 'ops#0',
  documentId: 'ops',
  title: 'operations.md',
  text: 'A local model loads on its first request; the first token may take thirty seconds.',
  score: 0.9,
  start: 0,
  end: 83,
};

let ollama: FakeOllama;
let upstream: GrpcServer;
let routerClient: RouterClient;
let retrieveClient: RetrieveClient;
let bus: InMemoryEventBus;
const servers: GrpcServer[] = [];
const clients: GenerateClient[] = [];
const proxies: DelayingProxy[] = [];

const unimplemented = async () => {
  throw new RagfleetError('INTERNAL', 'not part of this test');
};

interface Generate {
  client: GenerateClient;
  proxy: DelayingProxy;
  health: ProviderHealth[];
}

/** A generate of its own (its own breakers and proxy) whose health events land in `health`. */
async function startGenerate(replica: string): Promise<Generate> {
  const proxy = await startDelayingProxy(ollama.url);
  proxies.push(proxy);
  const health: ProviderHealth[] = [];
  const subject = `${HEALTH_SUBJECT}.${replica}`;
  await bus.subscribe<ProviderHealth>(subject, { durable: `health_${replica}` }, async (event) => {
    health.push(event.data);
  });
  const pipeline = new AnswerPipeline({
    router: new GrpcModelRouter(routerClient),
    retriever: new GrpcRetriever(retrieveClient),
    prompts: loadPromptLibrary('rag-answer', 'v3'),
    providers: [
      new OllamaProvider({ host: proxy.url, connectTimeoutMs: TIMEOUTS.connectMs }),
      new ExtractiveProvider(),
    ],
    guard: new ProviderGuard({
      retries: 1,
      retryInitialDelayMs: 10,
      breakerThreshold: 1,
      halfOpenAfterMs: 60_000,
      observer: providerHealthPublisher(bus, subject, replica, logger),
      timeouts: { ollama: TIMEOUTS },
    }),
    defaultTopK: 3,
  });
  const registry = createMetricsRegistry(`generate-${replica}`);
  const server = new GrpcServer({ service: 'generate', logger, registry });
  server.addService(
    'ragfleet.generate.v1.GenerateService',
    protos.generate().GenerateService.service,
    generateHandlers(
      composeAnswerService(pipeline, new AnswerMetrics(registry), new CompletionPublisher(bus, logger)),
      unimplemented,
      unimplemented,
    ),
  );
  servers.push(server);
  const client = new GenerateClient(`127.0.0.1:${await server.listen(0, '127.0.0.1')}`);
  clients.push(client);
  return { client, proxy, health };
}

beforeAll(async () => {
  ollama = await startFakeOllama();
  ollama.setChatBehavior({ mode: 'ok', tokens: ['Cold', ' models', ' load', ' first', ' [1].'] });
  upstream = new GrpcServer({ service: 'upstream', logger, registry: createMetricsRegistry('upstream') });
  upstream.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers({
      Route: async (): Promise<RouterV1.RouteResponse> => ({
        chain: [
          { provider: 'ollama', model: 'llama3.2' },
          { provider: 'extractive', model: 'extractive-v1' },
        ],
        reason: 'test route',
      }),
    }),
  );
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
  bus = new InMemoryEventBus({ streams: [EVENTS_STREAM], logger });
});

afterAll(async () => {
  for (const client of clients) client.close();
  routerClient.close();
  retrieveClient.close();
  for (const server of servers) await server.close();
  for (const proxy of proxies) await proxy.close();
  await upstream.close();
  await bus.close();
  await ollama.close();
});

type Events = GenerateV1.AnswerResponse__Output[];

async function ask(client: GenerateClient, query: string): Promise<Events> {
  const events: Events = [];
  await runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant: 'acme' }, async () => {
    for await (const event of client.answer({ query })) events.push(event);
  });
  return events;
}

const doneOf = (events: Events) => events.find((event) => event.done)?.done;
const fallbacks = (events: Events) =>
  events.filter((event) => event.status?.stage === 'fallback').map((event) => event.status?.message);

describe('per-provider timeouts over gRPC', () => {
  it('a slow first token within the first-token timeout answers, and counts nothing against the breaker', async () => {
    const { client, proxy, health } = await startGenerate(`slow_${uniqueSuffix()}`);
    proxy.setDelays({ firstTokenMs: 350, stallMs: 0 });
    for (const attempt of [1, 2]) {
      const events = await ask(client, `How long does a cold model take? (${attempt})`);
      expect(fallbacks(events)).toEqual([]);
      expect(doneOf(events)).toMatchObject({ provider: 'ollama', model: 'llama3.2' });
      expect(doneOf(events)?.timeToFirstTokenMs).toBeGreaterThanOrEqual(350);
    }
    // With a breaker that opens at one failure, the second slow answer shows the first was none.
    expect(proxy.chats()).toBe(2);
    expect(health.map((report) => report.state)).toEqual(['closed']);
  });

  it('past the first-token timeout the attempt fails with UPSTREAM_TIMEOUT, falls back, and the open breaker is published', async () => {
    const replica = `late_${uniqueSuffix()}`;
    const { client, proxy, health } = await startGenerate(replica);
    proxy.setDelays({ firstTokenMs: 1_200, stallMs: 0 });
    const started = Date.now();
    const events = await ask(client, 'What if the model never wakes up?');

    expect(fallbacks(events)).toEqual([expect.stringContaining('ollama gave no first token within 600 ms')]);
    expect(doneOf(events)).toMatchObject({ provider: 'extractive' });
    // Not retried on the same provider: one call, and the fallback came at the timeout.
    expect(proxy.chats()).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_200);
    await waitFor(() => health.some((report) => report.state === 'open'));
    const opened = health.find((report) => report.state === 'open');
    expect(opened).toEqual({ provider: 'ollama', state: 'open', replica, at: expect.any(String) });
    expect(Date.parse(opened?.at ?? '')).toBeGreaterThanOrEqual(started);

    // The open breaker skips Ollama without a call.
    const next = await ask(client, 'And the next question?');
    expect(proxy.chats()).toBe(1);
    expect(fallbacks(next)).toEqual([expect.stringContaining('circuit is open')]);
    expect(doneOf(next)).toMatchObject({ provider: 'extractive' });
  });

  it('past the total timeout an answer under way ends with an explicit error naming the timeout', async () => {
    const { client, proxy } = await startGenerate(`stall_${uniqueSuffix()}`);
    proxy.setDelays({ firstTokenMs: 0, stallMs: 3_000 });
    const started = Date.now();
    const events = await ask(client, 'What if the model stalls mid-answer?');

    expect(events.filter((event) => event.token).length).toBeGreaterThan(0);
    expect(events.find((event) => event.error)?.error).toMatchObject({
      code: 'PROVIDER_FAILED',
      message: expect.stringContaining('ollama gave no answer within 1500 ms'),
    });
    expect(doneOf(events)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_900);
  });
});
