import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { InMemoryEventBus } from '@ragfleet/events';
import { GenerateClient, GrpcServer, RetrieveClient, RouterClient } from '@ragfleet/grpc';
import { protos, type GenerateV1, type RetrieveV1, type RouterV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import { startFakeOllama, uniqueSuffix, waitFor, type FakeOllama } from '@ragfleet/testing';
import { CompletionPublisher, EVENTS_STREAM } from '../src/adapters/completion-publisher.ts';
import { GrpcBudgets } from '../src/adapters/grpc-budgets.ts';
import { GrpcModelRouter } from '../src/adapters/grpc-model-router.ts';
import { GrpcRetriever } from '../src/adapters/grpc-retriever.ts';
import { MemoryResponseCache } from '../src/adapters/memory-response-cache.ts';
import { OllamaProvider } from '../src/adapters/ollama-provider.ts';
import { loadPromptLibrary } from '../src/adapters/prompt-files.ts';
import { AnswerMetrics } from '../src/answer-metrics.ts';
import { composeAnswerService } from '../src/answer-service.ts';
import { AnswerPipeline } from '../src/domain/answer-pipeline.ts';
import { ProviderGuard } from '../src/domain/provider-guard.ts';
import { countTokens } from '../src/domain/token-count.ts';
import { generateHandlers } from '../src/grpc/answer-handlers.ts';
import { startDelayingProxy, type DelayingProxy } from './delaying-proxy.ts';
import { FakeBudgetRouter, RESET_AT } from './fake-budget-router.ts';
import { startGatewayInFront, type GatewayInFront } from './gateway-in-front.ts';
import { retrieveHandlers, routerHandlers } from './stand-in-handlers.ts';

/*
 * Budgets through real gRPC: generate reserves with a stand-in router (Reserve/Settle as the
 * proto describes them) before it opens a model of the fake Ollama, falls back to a cheaper model
 * when the budget refuses, ends with BUDGET_EXCEEDED when none fits, and settles what was used.
 */

const logger = createLogger('generate-budgets-test', 'silent');
const BIG = { provider: 'ollama', model: 'llama3.1:70b', inputPricePerMtok: 3, outputPricePerMtok: 15 };
const SMALL = { provider: 'ollama', model: 'llama3.2', inputPricePerMtok: 0.25, outputPricePerMtok: 1.25 };
const MAX_OUTPUT = 256;
const DECISION: RouterV1.RouteDecision = {
  complexityClass: 'medium',
  score: 0.5,
  features: [],
  skipped: [{ provider: 'anthropic', model: 'claude-opus-4-1', reason: 'tier' }],
  prefer: '',
  budgetFallback: false,
};
const HIT: RetrieveV1.SearchHit = {
  chunkId: 'budgets#0',
  documentId: 'budgets',
  title: 'budgets.md',
  text: 'Each answer reserves its worst-case cost before the model is called, and settles what it used.',
  score: 0.9,
  start: 0,
  end: 96,
};
const TOKENS = ['Answers', ' reserve', ' then', ' settle', ' [1].'];

let ollama: FakeOllama;
let upstream: GrpcServer;
let routerClient: RouterClient;
let retrieveClient: RetrieveClient;
const servers: GrpcServer[] = [];
let cachedClient: GenerateClient;
let plainAddress: string;
/** A generate whose Ollama answers through a proxy that stalls after the first token. */
let stalledClient: GenerateClient;
let stallingProxy: DelayingProxy;
let bus: InMemoryEventBus;
const budgets = new FakeBudgetRouter([BIG, SMALL]);

const unimplemented = async () => {
  throw new RagfleetError('INTERNAL', 'not part of this test');
};

async function startGenerate(options: { cache: boolean; ollamaUrl?: string }): Promise<string> {
  const pipeline = new AnswerPipeline({
    router: new GrpcModelRouter(routerClient),
    retriever: new GrpcRetriever(retrieveClient),
    prompts: loadPromptLibrary('rag-answer', 'v3'),
    providers: [new OllamaProvider({ host: options.ollamaUrl ?? ollama.url })],
    guard: new ProviderGuard({ retries: 0 }),
    defaultTopK: 3,
    budgets: new GrpcBudgets(routerClient),
    maxOutputTokens: MAX_OUTPUT,
    ...(options.cache ? { responseCache: new MemoryResponseCache({ maxEntries: 100, ttlSeconds: 60 }) } : {}),
  });
  const registry = createMetricsRegistry(`generate-${options.cache ? 'cached' : 'plain'}`);
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
  return `127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
}

beforeAll(async () => {
  ollama = await startFakeOllama();
  upstream = new GrpcServer({ service: 'upstream', logger, registry: createMetricsRegistry('upstream') });
  upstream.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers({
      // prefer picks the chain's order: quality tries the big model first, cost the small one.
      Route: async (request: RouterV1.RouteRequest__Output): Promise<RouterV1.RouteResponse> => ({
        chain: request.prefer === 'cost' ? [SMALL, BIG] : [BIG, SMALL],
        reason: 'test route',
        decision: { ...DECISION, prefer: request.prefer },
      }),
      ...budgets.handlers(),
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
  cachedClient = new GenerateClient(await startGenerate({ cache: true }));
  plainAddress = await startGenerate({ cache: false });
  stallingProxy = await startDelayingProxy(ollama.url);
  stallingProxy.setDelays({ firstTokenMs: 0, stallMs: 5_000 });
  stalledClient = new GenerateClient(await startGenerate({ cache: false, ollamaUrl: stallingProxy.url }));
});

afterAll(async () => {
  cachedClient.close();
  stalledClient.close();
  routerClient.close();
  retrieveClient.close();
  for (const server of servers) await server.close();
  await stallingProxy.close();
  await upstream.close();
  await bus.close();
  await ollama.close();
});

beforeEach(() => {
  ollama.setChatBehavior({ mode: 'ok', tokens: TOKENS });
});

type Events = GenerateV1.AnswerResponse__Output[];

async function ask(request: GenerateV1.AnswerRequest, tenant: string): Promise<Events> {
  const events: Events = [];
  await runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant, user: 'ada' }, async () => {
    for await (const event of cachedClient.answer(request)) events.push(event);
  });
  return events;
}

const chats = () => ollama.requests.filter((request) => request.path === '/api/chat');
const doneOf = (events: Events) => events.find((event) => event.done)?.done;
const usageOf = (events: Events) => events.find((event) => event.usage)?.usage;
const errorOf = (events: Events) => events.find((event) => event.error)?.error;
const budgetStatuses = (events: Events) =>
  events.filter((event) => event.status?.stage === 'budget').map((event) => event.status);
const forTenant = <T extends { tenant: string }>(rows: T[], tenant: string) =>
  rows.filter((row) => row.tenant === tenant);

interface ChatBody {
  model: string;
  messages: Array<{ content: string }>;
  options?: { num_predict?: number };
}

describe('generate budgets over gRPC', () => {
  it("reserves the rendered prompt's tokens and the output limit, then settles the usage at done's cost", async () => {
    const tenant = `acme-${uniqueSuffix()}`;
    const before = chats().length;
    const events = await ask({ query: 'How are answers paid for?', prefer: 'quality' }, tenant);

    const [reservation, ...others] = forTenant(budgets.reserves, tenant);
    expect(others).toEqual([]);
    const sent = chats()[before]?.body as ChatBody;
    // What the model was sent, counted with the same tokenizer: the reserve counts the real prompt.
    const promptTokens = sent.messages.reduce((sum, message) => sum + countTokens(message.content), 0);
    expect(promptTokens).toBeGreaterThan(50);
    expect(reservation).toMatchObject({
      provider: 'ollama',
      model: BIG.model,
      promptTokens,
      maxOutputTokens: MAX_OUTPUT,
    });
    expect(sent.options?.num_predict).toBe(MAX_OUTPUT);

    const [settled, ...more] = forTenant(budgets.settles, tenant);
    expect(more).toEqual([]);
    const usage = usageOf(events);
    expect(settled).toMatchObject({
      generationId: reservation?.generationId,
      model: BIG.model,
      inputTokens: usage?.inputTokens,
      outputTokens: usage?.outputTokens,
    });
    const done = doneOf(events);
    expect(done?.costUsd).toBeGreaterThan(0);
    expect(done?.costUsd).toBe(settled?.costUsd);
    expect(done?.decision?.budgetFallback).toBe(false);
    expect(budgets.held()).toEqual([]);
  });

  it('falls back to a cheaper model when the preferred one does not fit, saying so in the decision', async () => {
    const tenant = `lean-${uniqueSuffix()}`;
    // About 0.005 USD holds the big model's worst case, 0.0005 the small one's.
    budgets.limits.set(tenant, 0.002);
    const before = chats().length;
    const events = await ask({ query: 'What does an answer reserve?', prefer: 'quality' }, tenant);

    expect(budgetStatuses(events)).toEqual([
      expect.objectContaining({
        provider: 'ollama',
        model: BIG.model,
        message: expect.stringContaining(`trying ollama/${SMALL.model}`),
      }),
    ]);
    expect(budgetStatuses(events)[0]?.message).toContain(`resets at ${RESET_AT}`);
    // The refused model was never called.
    expect(
      chats()
        .slice(before)
        .map((chat) => (chat.body as ChatBody).model),
    ).toEqual([SMALL.model]);
    const done = doneOf(events);
    expect(done).toMatchObject({ model: SMALL.model, cached: false });
    expect(done?.decision).toMatchObject({
      budgetFallback: true,
      skipped: [
        { provider: 'anthropic', model: 'claude-opus-4-1', reason: 'tier' },
        { provider: 'ollama', model: BIG.model, reason: 'budget' },
      ],
    });
    expect(forTenant(budgets.reserves, tenant).map((reserve) => reserve.model)).toEqual([
      BIG.model,
      SMALL.model,
    ]);
    const settled = forTenant(budgets.settles, tenant);
    expect(settled.map((settle) => settle.model)).toEqual([SMALL.model]);
    expect(done?.costUsd).toBe(settled[0]?.costUsd);
  });

  it('ends with BUDGET_EXCEEDED (not retryable, with the reset time) when no model fits, calling none', async () => {
    const tenant = `broke-${uniqueSuffix()}`;
    budgets.limits.set(tenant, 0.0001);
    const before = chats().length;
    const events = await ask({ query: 'Can I still ask?', prefer: 'quality' }, tenant);

    expect(errorOf(events)).toMatchObject({ code: 'BUDGET_EXCEEDED', retryable: false });
    expect(errorOf(events)?.message).toContain(`resets at ${RESET_AT}`);
    expect(doneOf(events)).toBeUndefined();
    expect(budgetStatuses(events).map((status) => status?.model)).toEqual([BIG.model, SMALL.model]);
    expect(budgetStatuses(events)[1]?.message).toContain('no cheaper model to try');
    expect(chats().length).toBe(before);
    expect(forTenant(budgets.settles, tenant)).toEqual([]);
  });

  it('tries only cheaper models after a refusal: a dearer fallback is not reserved', async () => {
    const tenant = `frugal-${uniqueSuffix()}`;
    budgets.limits.set(tenant, 0.0001);
    const before = chats().length;
    // prefer cost: the small model first, then the big one, which cannot fit where the small did not.
    const events = await ask({ query: 'Is the dearer model tried?', prefer: 'cost' }, tenant);

    expect(errorOf(events)).toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect(forTenant(budgets.reserves, tenant).map((reserve) => reserve.model)).toEqual([SMALL.model]);
    expect(chats().length).toBe(before);
  });

  it('a cached answer reserves and settles nothing', async () => {
    const tenant = `cache-${uniqueSuffix()}`;
    const question = `Is a cached answer free? ${uniqueSuffix()}`;
    await ask({ query: question, prefer: 'quality' }, tenant);
    expect(forTenant(budgets.reserves, tenant)).toHaveLength(1);
    const replayed = await ask({ query: question, prefer: 'quality' }, tenant);
    expect(doneOf(replayed)).toMatchObject({ cached: true, costUsd: 0 });
    expect(forTenant(budgets.reserves, tenant)).toHaveLength(1);
    expect(forTenant(budgets.settles, tenant)).toHaveLength(1);
  });

  it('a failure after tokens settles the tokens counted (no usage came), releasing the rest', async () => {
    const tenant = `cut-${uniqueSuffix()}`;
    ollama.setChatBehavior({
      mode: 'fail-mid-stream',
      tokensBeforeFailure: ['Partly', ' answered', ' before'],
    });
    const before = chats().length;
    const events = await ask({ query: 'What if the model dies mid-answer?', prefer: 'quality' }, tenant);

    expect(errorOf(events)).toMatchObject({ code: 'PROVIDER_FAILED' });
    const sent = chats()[before]?.body as ChatBody;
    const promptTokens = sent.messages.reduce((sum, message) => sum + countTokens(message.content), 0);
    const [settled] = forTenant(budgets.settles, tenant);
    expect(settled).toMatchObject({
      model: BIG.model,
      inputTokens: promptTokens,
      outputTokens: countTokens('Partly answered before'),
    });
    expect(settled?.costUsd).toBeGreaterThan(0);
    expect(budgets.held()).toEqual([]);
  });
});

describe('a router that cannot reserve', () => {
  it('answers without budgets while the router does not serve Reserve (older than budgets), and reserves again once it does', async () => {
    const tenant = `upgrade-${uniqueSuffix()}`;
    budgets.reserveFailure = new RagfleetError('METHOD_NOT_ALLOWED', 'Reserve is not served yet.');
    try {
      const events = await ask({ query: `Old router? ${uniqueSuffix()}`, prefer: 'quality' }, tenant);
      expect(doneOf(events)).toMatchObject({ model: BIG.model, cached: false });
      expect(forTenant(budgets.settles, tenant)).toEqual([]);
    } finally {
      budgets.reserveFailure = undefined;
    }
    await ask({ query: `New router? ${uniqueSuffix()}`, prefer: 'quality' }, tenant);
    expect(forTenant(budgets.settles, tenant)).toHaveLength(1);
  });

  it('gives no answer when the budgets cannot be reached: nothing would stop it overspending', async () => {
    const tenant = `dark-${uniqueSuffix()}`;
    budgets.reserveFailure = new RagfleetError('SERVICE_UNAVAILABLE', 'The budget store cannot be reached.');
    const before = chats().length;
    try {
      const events = await ask({ query: `Redis away? ${uniqueSuffix()}`, prefer: 'quality' }, tenant);
      expect(errorOf(events)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
      expect(doneOf(events)).toBeUndefined();
      expect(chats().length).toBe(before);
    } finally {
      budgets.reserveFailure = undefined;
    }
  });
});

describe('a cancelled answer', () => {
  it('settles the tokens the caller received, releasing the rest of its reservation', async () => {
    const tenant = `gone-${uniqueSuffix()}`;
    const controller = new AbortController();
    await runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant, user: 'ada' }, async () => {
      const events: Events = [];
      await expect(
        (async () => {
          for await (const event of stalledClient.answer(
            { query: 'What if I hang up?', prefer: 'quality' },
            { signal: controller.signal },
          )) {
            events.push(event);
            // The first token arrived; the model stalls: the caller leaves.
            if (event.token) controller.abort(new Error('caller hung up'));
          }
        })(),
      ).rejects.toThrow();
      expect(events.some((event) => event.token)).toBe(true);
    });
    await waitFor(() => forTenant(budgets.settles, tenant).length > 0);
    const [reservation] = forTenant(budgets.reserves, tenant);
    const [settled] = forTenant(budgets.settles, tenant);
    expect(settled).toMatchObject({
      generationId: reservation?.generationId,
      model: BIG.model,
      inputTokens: reservation?.promptTokens,
      outputTokens: countTokens(TOKENS[0] ?? ''),
    });
    expect(settled?.costUsd).toBeGreaterThan(0);
    expect(settled?.costUsd).toBeLessThan(reservation?.usd ?? 0);
    expect(forTenant(budgets.held(), tenant)).toEqual([]);
  });
});

describe('budgets through the gateway', () => {
  let gateway: GatewayInFront;

  beforeAll(async () => {
    // The generate without a response cache: both answers are generated, reserved and settled.
    gateway = await startGatewayInFront(plainAddress);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const post = (body: object) => gateway.rag(body);

  it('a streamed (NDJSON) and a whole (JSON) answer to one question settle the same cost', async () => {
    const question = 'How much does one answer cost through the gateway?';
    const settledBefore = budgets.settles.length;
    const streamed = await post({ query: question, stream: true, prefer: 'quality' });
    expect(streamed.status).toBe(200);
    const lines = (await streamed.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const done = lines.find((line) => line.type === 'done');
    const whole = await post({ query: question, stream: false, prefer: 'quality' });
    expect(whole.status).toBe(200);
    const answer = (await whole.json()) as Record<string, unknown>;

    const settled = budgets.settles.slice(settledBefore);
    expect(settled).toHaveLength(2);
    expect(settled[0]?.costUsd).toBeGreaterThan(0);
    expect(settled[1]?.costUsd).toBe(settled[0]?.costUsd);
    expect(done?.cost_usd).toBe(settled[0]?.costUsd);
    expect(answer.cost_usd).toBe(settled[1]?.costUsd);
  });

  it('answers 402 BUDGET_EXCEEDED with the reset time when no model fits', async () => {
    const tenant = budgets.settles.at(-1)?.tenant ?? '';
    expect(tenant).not.toBe('');
    budgets.limits.set(tenant, 0);
    try {
      const response = await post({ query: 'One more question?', stream: false, prefer: 'quality' });
      expect(response.status).toBe(402);
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      expect(body.error?.code).toBe('BUDGET_EXCEEDED');
      expect(body.error?.message).toContain(RESET_AT);
    } finally {
      budgets.limits.delete(tenant);
    }
  });
});
