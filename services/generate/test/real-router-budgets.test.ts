import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { InMemoryEventBus } from '@ragfleet/events';
import { GenerateClient, GrpcServer, RetrieveClient, RouterClient } from '@ragfleet/grpc';
import { protos, type GenerateV1, type RetrieveV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import { startFakeOllama, uniqueSuffix, waitFor, type FakeOllama } from '@ragfleet/testing';
import { startFleet, type Fleet } from '../../../scripts/fleet-runner.ts';
import {
  CompletionPublisher,
  EVENTS_STREAM,
  GENERATION_COMPLETED_SUBJECT,
  type GenerationCompleted,
} from '../src/adapters/completion-publisher.ts';
import { ExtractiveProvider } from '../src/adapters/extractive/extractive-provider.ts';
import { GrpcBudgets } from '../src/adapters/grpc-budgets.ts';
import { GrpcModelRouter } from '../src/adapters/grpc-model-router.ts';
import { GrpcRetriever } from '../src/adapters/grpc-retriever.ts';
import { OllamaProvider } from '../src/adapters/ollama-provider.ts';
import { loadPromptLibrary } from '../src/adapters/prompt-files.ts';
import { AnswerMetrics } from '../src/answer-metrics.ts';
import { composeAnswerService } from '../src/answer-service.ts';
import { AnswerPipeline } from '../src/domain/answer-pipeline.ts';
import { BudgetHolds } from '../src/domain/budget-holds.ts';
import type { ChatProvider } from '../src/domain/ports.ts';
import { SESSION_SUMMARY } from '../src/domain/prompt-template.ts';
import { ProviderGuard } from '../src/domain/provider-guard.ts';
import { Summarizer } from '../src/domain/summarizer.ts';
import { generateHandlers } from '../src/grpc/answer-handlers.ts';
import { loadPanelPrompts } from '../src/panels/panel-prompts.ts';
import { PanelRunner } from '../src/panels/panel-runner.ts';
import { panelService } from '../src/panels/panel-service.ts';
import { retrieveHandlers } from './stand-in-handlers.ts';

/*
 * Budgets against the real router process (its Reserve and Settle on the local Redis under a
 * prefix of this run's own) with a catalog of priced Ollama models, generate in-process over
 * real gRPC in front of the fake Ollama: what generate reports in done is what the router settled.
 */

const logger = createLogger('generate-real-router-test', 'silent');
const TIERS = ['free', 'standard', 'premium', 'enterprise'];
const CATALOG = {
  models: [
    {
      provider: 'extractive',
      model: 'extractive-v1',
      inputPricePerMtok: 0,
      outputPricePerMtok: 0,
      contextWindow: 1_000_000,
      quality: 10,
      typicalLatencyMs: 5,
      tiers: TIERS,
      capabilities: ['offline', 'streaming'],
    },
    {
      provider: 'ollama',
      model: 'llama3.2',
      inputPricePerMtok: 0.25,
      outputPricePerMtok: 1.25,
      contextWindow: 131_072,
      quality: 95,
      typicalLatencyMs: 900,
      tiers: TIERS,
      capabilities: ['streaming', 'local'],
    },
  ],
};
const HIT: RetrieveV1.SearchHit = {
  chunkId: 'costs#0',
  documentId: 'costs',
  title: 'costs.md',
  text: 'The router settles each answer at the tokens it used, rounded to the micro-dollar.',
  score: 0.9,
  start: 0,
  end: 83,
};

let dir: string;
let fleet: Fleet;
let ollama: FakeOllama;
let retrieveStub: GrpcServer;
const generateServers: GrpcServer[] = [];
let routerClient: RouterClient;
let retrieveClient: RetrieveClient;
let ollamaAndExtractive: GenerateClient;
/** A generate that reaches no free model: nothing is cheaper than Ollama. */
let ollamaOnly: GenerateClient;
let bus: InMemoryEventBus;
/** What the ledger would be told (generation.completed), in order. */
const published: GenerationCompleted[] = [];

const unimplemented = async () => {
  throw new RagfleetError('INTERNAL', 'not part of this test');
};

async function startGenerate(providers: ChatProvider[]): Promise<GenerateClient> {
  const guard = new ProviderGuard({ retries: 0 });
  const budgets = new GrpcBudgets(routerClient);
  const pipeline = new AnswerPipeline({
    router: new GrpcModelRouter(routerClient),
    retriever: new GrpcRetriever(retrieveClient),
    prompts: loadPromptLibrary('rag-answer', 'v3'),
    providers,
    guard,
    defaultTopK: 3,
    budgets,
    maxOutputTokens: 512,
  });
  const summarizer = new Summarizer({
    router: new GrpcModelRouter(routerClient),
    prompts: loadPromptLibrary(SESSION_SUMMARY, 'v1'),
    providers,
    guard,
    budgets: { holds: new BudgetHolds(budgets), maxOutputTokens: 512 },
  });
  const registry = createMetricsRegistry('generate');
  const completions = new CompletionPublisher(bus, logger);
  const panels = new PanelRunner({
    router: new GrpcModelRouter(routerClient),
    retriever: new GrpcRetriever(retrieveClient),
    prompts: loadPanelPrompts('v1'),
    providers,
    guard,
    defaultTopK: 2,
    budgets,
    maxOutputTokens: 512,
  });
  const server = new GrpcServer({ service: 'generate', logger, registry });
  server.addService(
    'ragfleet.generate.v1.GenerateService',
    protos.generate().GenerateService.service,
    generateHandlers(
      composeAnswerService(pipeline, new AnswerMetrics(registry), completions),
      (request, context) =>
        completions.unary('summary', context, () => summarizer.summarize(request, context.signal)),
      unimplemented,
      panelService(panels, completions),
    ),
  );
  generateServers.push(server);
  return new GenerateClient(`127.0.0.1:${await server.listen(0, '127.0.0.1')}`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'generate-real-router-'));
  await writeFile(join(dir, 'catalog.json'), JSON.stringify(CATALOG));
  ollama = await startFakeOllama();
  ollama.setChatBehavior({ mode: 'ok', tokens: ['Settled', ' at', ' the', ' tokens', ' used', ' [1].'] });
  fleet = await startFleet({
    services: ['router'],
    freePorts: true,
    developmentMode: true,
    dataDir: dir,
    env: {
      CATALOG_PATH: join(dir, 'catalog.json'),
      ENABLED_PROVIDERS: 'extractive,ollama',
      REDIS_URL: 'redis://127.0.0.1:6379',
      BUDGET_KEY_PREFIX: `generate-test:${uniqueSuffix()}:`,
      NATS_URL: undefined,
      LOG_LEVEL: 'warn',
    },
  });
  retrieveStub = new GrpcServer({ service: 'retrieve', logger, registry: createMetricsRegistry('retrieve') });
  retrieveStub.addService(
    'ragfleet.retrieve.v1.RetrieveService',
    protos.retrieve().RetrieveService.service,
    retrieveHandlers({
      Search: async (): Promise<RetrieveV1.SearchResponse> => ({ hits: [HIT] }),
    }),
  );
  retrieveClient = new RetrieveClient(`127.0.0.1:${await retrieveStub.listen(0, '127.0.0.1')}`);
  routerClient = new RouterClient(`127.0.0.1:${fleet.ports.router.grpc}`);
  bus = new InMemoryEventBus({ streams: [EVENTS_STREAM], logger });
  await bus.subscribe<GenerationCompleted>(
    GENERATION_COMPLETED_SUBJECT,
    { durable: `ledger_${uniqueSuffix()}` },
    async (event) => {
      published.push(event.data);
    },
  );
  ollamaAndExtractive = await startGenerate([
    new OllamaProvider({ host: ollama.url }),
    new ExtractiveProvider(),
  ]);
  ollamaOnly = await startGenerate([new OllamaProvider({ host: ollama.url })]);
}, 60_000);

afterAll(async () => {
  ollamaAndExtractive?.close();
  ollamaOnly?.close();
  routerClient?.close();
  retrieveClient?.close();
  for (const server of generateServers) await server.close();
  await retrieveStub?.close();
  await bus?.close();
  await fleet?.stop();
  await ollama?.close();
  await rm(dir, { recursive: true, force: true });
}, 30_000);

type Events = GenerateV1.AnswerResponse__Output[];

async function ask(client: GenerateClient, query: string, tenant: string): Promise<Events> {
  const events: Events = [];
  await runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant, tier: 'premium' }, async () => {
    for await (const event of client.answer({ query, tier: 'premium' })) events.push(event);
  });
  return events;
}

const CONVERSATION = [
  { role: 'user', content: 'Which model settles cheapest?' },
  { role: 'assistant', content: 'The local one: it costs a quarter of a dollar per million tokens in.' },
];

async function summarize(client: GenerateClient, tenant: string) {
  return runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant, tier: 'premium' }, () =>
    client.summarize({ messages: CONVERSATION, tier: 'premium' }),
  );
}

async function dailyBudget(tenant: string) {
  const { budgets } = await routerClient.listBudgets({ tenant });
  return budgets.find((budget) => budget.period === 'day');
}

describe('generate against the real router', () => {
  it("done's cost is the router's settled spend, and nothing stays reserved", async () => {
    const tenant = `acme_${uniqueSuffix()}`;
    await routerClient.setBudget({ scope: { tenant, kind: 'tenant', id: '' }, period: 'day', limitUsd: 1 });
    const events = await ask(ollamaAndExtractive, 'How does the router settle an answer?', tenant);
    const done = events.find((event) => event.done)?.done;
    expect(done).toMatchObject({ provider: 'ollama', model: 'llama3.2', cached: false });
    expect(done?.costUsd).toBeGreaterThan(0);
    const budget = await dailyBudget(tenant);
    expect(budget?.spentUsd).toBe(done?.costUsd);
    expect(budget?.reservedUsd).toBe(0);
  });

  it('falls back to the free model when the priced one does not fit, with the real reset time', async () => {
    const tenant = `lean_${uniqueSuffix()}`;
    await routerClient.setBudget({
      scope: { tenant, kind: 'tenant', id: '' },
      period: 'day',
      limitUsd: 0.000001,
    });
    const resetAt = (await dailyBudget(tenant))?.resetAt ?? '';
    expect(resetAt).not.toBe('');
    const before = ollama.requests.length;
    const events = await ask(ollamaAndExtractive, 'Can a spent tenant still ask?', tenant);

    const budget = events.filter((event) => event.status?.stage === 'budget').map((event) => event.status);
    expect(budget).toEqual([
      expect.objectContaining({
        provider: 'ollama',
        model: 'llama3.2',
        message: expect.stringContaining(resetAt),
      }),
    ]);
    expect(budget[0]?.message).toContain(`daily budget of tenant ${tenant}, $0.000000 spent`);
    const done = events.find((event) => event.done)?.done;
    expect(done).toMatchObject({ provider: 'extractive', costUsd: 0 });
    expect(done?.decision).toMatchObject({
      budgetFallback: true,
      skipped: expect.arrayContaining([{ provider: 'ollama', model: 'llama3.2', reason: 'budget' }]),
    });
    expect(ollama.requests.length).toBe(before);
    expect(await dailyBudget(tenant)).toMatchObject({ spentUsd: 0, reservedUsd: 0 });
  });

  it('ends with BUDGET_EXCEEDED (not retryable, the real reset time) when no model of the route fits', async () => {
    const tenant = `broke_${uniqueSuffix()}`;
    await routerClient.setBudget({
      scope: { tenant, kind: 'tenant', id: '' },
      period: 'day',
      limitUsd: 0.000001,
    });
    const resetAt = (await dailyBudget(tenant))?.resetAt ?? '';
    const before = ollama.requests.length;
    const events = await ask(ollamaOnly, 'Can a spent tenant still ask?', tenant);

    expect(events.find((event) => event.error)?.error).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      retryable: false,
      message: expect.stringContaining(`resets at ${resetAt}`),
    });
    expect(events.find((event) => event.done)).toBeUndefined();
    expect(ollama.requests.length).toBe(before);
    expect(await dailyBudget(tenant)).toMatchObject({ spentUsd: 0, reservedUsd: 0 });
  });

  it('a model-written summary is paid for like an answer: the router settles its usage', async () => {
    const tenant = `summing_${uniqueSuffix()}`;
    await routerClient.setBudget({ scope: { tenant, kind: 'tenant', id: '' }, period: 'day', limitUsd: 1 });
    const summary = await summarize(ollamaAndExtractive, tenant);
    expect(summary).toMatchObject({ provider: 'ollama', model: 'llama3.2', extractive: false });
    // llama3.2 at $0.25 / $1.25 per million tokens in / out, rounded to the micro-dollar.
    const cost = Math.round(summary.inputTokens * 0.25 + summary.outputTokens * 1.25) / 1e6;
    expect(cost).toBeGreaterThan(0);
    expect(await dailyBudget(tenant)).toMatchObject({ spentUsd: cost, reservedUsd: 0 });
    // The ledger is told of it at the same cost, so budgets and ledger still reconcile.
    const completed = await waitFor(() => published.find((event) => event.tenant === tenant));
    expect(completed).toMatchObject({ task: 'summary', provider: 'ollama', costUsd: cost });
    expect(summary.costUsd).toBe(cost);
  });

  it('a summary falls back to the free model when the budget has no room, and is refused when none is free', async () => {
    const tenant = `spent_${uniqueSuffix()}`;
    await routerClient.setBudget({
      scope: { tenant, kind: 'tenant', id: '' },
      period: 'day',
      limitUsd: 0.000001,
    });
    const before = ollama.requests.length;
    expect(await summarize(ollamaAndExtractive, tenant)).toMatchObject({
      provider: 'extractive',
      extractive: true,
    });
    await expect(summarize(ollamaOnly, tenant)).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect(ollama.requests.length).toBe(before);
    expect(await dailyBudget(tenant)).toMatchObject({ spentUsd: 0, reservedUsd: 0 });
  });

  it("a panel's specialists each reserve and settle, and each reaches the ledger at its cost", async () => {
    const tenant = `panel_${uniqueSuffix()}`;
    await routerClient.setBudget({ scope: { tenant, kind: 'tenant', id: '' }, period: 'day', limitUsd: 1 });
    const events: Events = [];
    await runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant, tier: 'premium' }, async () => {
      const stream = ollamaAndExtractive.answer({
        query: 'Should we settle per specialist?',
        tier: 'premium',
        panel: ['answer', 'risks'],
      });
      for await (const event of stream) events.push(event);
    });
    const specialists = events.find((event) => event.panelResult)?.panelResult?.specialists ?? [];
    expect(specialists.map((result) => [result.specialist, result.ok, result.model])).toEqual([
      ['answer', true, 'ollama/llama3.2'],
      ['risks', true, 'ollama/llama3.2'],
    ]);
    const done = events.find((event) => event.done)?.done;
    expect(done?.costUsd).toBeGreaterThan(0);
    const budget = await dailyBudget(tenant);
    expect(budget?.spentUsd).toBeCloseTo(done?.costUsd ?? 0, 6);
    const ledger = await waitFor(() => {
      const mine = published.filter((event) => event.tenant === tenant);
      if (mine.length < 2) throw new Error(`${mine.length} of 2 specialists published`);
      return mine;
    });
    expect(ledger.map((event) => [event.task, event.promptVersion]).sort()).toEqual([
      ['panel', 'panel-answer:v1'],
      ['panel', 'panel-risks:v1'],
    ]);
    expect(ledger.reduce((sum, event) => sum + event.costUsd, 0)).toBeCloseTo(budget?.spentUsd ?? -1, 6);
    expect(budget?.reservedUsd).toBe(0);
  });
});
