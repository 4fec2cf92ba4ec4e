import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { GenerateClient, GrpcServer, RetrieveClient, RouterClient } from '@ragfleet/grpc';
import { protos, type GenerateV1, type RetrieveV1, type RouterV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry, runWithRequestContext } from '@ragfleet/telemetry';
import { startFakeOllama, uniqueSuffix, type FakeOllama } from '@ragfleet/testing';
import { ExtractiveProvider } from '../src/adapters/extractive/extractive-provider.ts';
import { GrpcModelRouter } from '../src/adapters/grpc-model-router.ts';
import { GrpcRetriever } from '../src/adapters/grpc-retriever.ts';
import { OllamaProvider } from '../src/adapters/ollama-provider.ts';
import { ProviderGuard } from '../src/domain/provider-guard.ts';
import { generateHandlers } from '../src/grpc/answer-handlers.ts';
import type { Passage } from '../src/domain/ports.ts';
import { heuristicDecisionScore } from '../src/panels/decision-score.ts';
import { loadPanelPrompts } from '../src/panels/panel-prompts.ts';
import { PanelRunner } from '../src/panels/panel-runner.ts';
import { panelService } from '../src/panels/panel-service.ts';
import { startPlanningProxy, type PlanningProxy } from './panel-ollama-proxy.ts';
import { retrieveHandlers, routerHandlers } from './stand-in-handlers.ts';

const logger = createLogger('generate-panel-test', 'silent');
const HITS: Passage[] = [
  {
    chunkId: 'rollout#0',
    documentId: 'rollout',
    title: 'rollout.md',
    text: 'A rollout advances from 10 % to 50 % to 100 % while the error rate stays under 1 %.',
    score: 0.8,
    start: 0,
    end: 84,
  },
  {
    chunkId: 'risks#0',
    documentId: 'risks',
    title: 'risks.md',
    text: 'A rollout rolls back by itself when recall falls below 0.7, which can hide a slow regression.',
    score: 0.6,
    start: 0,
    end: 94,
  },
];
const TOKENS = ['The sources', ' support it', ' [1].', '\nSCORE: 72'];
const ALL = ['answer', 'risks', 'next_questions', 'decision'];

let ollama: FakeOllama;
let proxy: PlanningProxy;
let upstream: GrpcServer;
let server: GrpcServer;
let client: GenerateClient;
let routerClient: RouterClient;
let retrieveClient: RetrieveClient;
let searches = 0;

beforeAll(async () => {
  ollama = await startFakeOllama();
  ollama.setChatBehavior({ mode: 'ok', tokens: TOKENS });
  proxy = await startPlanningProxy(ollama.url);
  upstream = new GrpcServer({ service: 'upstream', logger, registry: createMetricsRegistry('upstream') });
  upstream.addService(
    'ragfleet.router.v1.RouterService',
    protos.router().RouterService.service,
    routerHandlers({
      Route: async (request: RouterV1.RouteRequest__Output): Promise<RouterV1.RouteResponse> => ({
        chain:
          request.tier === 'free'
            ? [{ provider: 'extractive', model: 'extractive-v1' }]
            : [{ provider: 'ollama', model: 'llama3.2' }],
        reason: `panel test route for ${request.tier}`,
      }),
    }),
  );
  const unimplemented = async () => {
    throw new RagfleetError('INTERNAL', 'not part of this test');
  };
  upstream.addService(
    'ragfleet.retrieve.v1.RetrieveService',
    protos.retrieve().RetrieveService.service,
    retrieveHandlers({
      Search: async (): Promise<RetrieveV1.SearchResponse> => {
        searches++;
        return { hits: HITS };
      },
    }),
  );
  const upstreamPort = await upstream.listen(0, '127.0.0.1');
  routerClient = new RouterClient(`127.0.0.1:${upstreamPort}`);
  retrieveClient = new RetrieveClient(`127.0.0.1:${upstreamPort}`);
  const runner = new PanelRunner({
    router: new GrpcModelRouter(routerClient),
    retriever: new GrpcRetriever(retrieveClient),
    prompts: loadPanelPrompts('v1'),
    providers: [new ExtractiveProvider(), new OllamaProvider({ host: proxy.url })],
    guard: new ProviderGuard({ retries: 0, breakerThreshold: 100 }),
    defaultTopK: 2,
  });
  server = new GrpcServer({ service: 'generate', logger, registry: createMetricsRegistry('generate') });
  server.addService(
    'ragfleet.generate.v1.GenerateService',
    protos.generate().GenerateService.service,
    generateHandlers(
      // Plain answers are not part of this test: only panels are served.
      async function* () {
        yield* [];
        throw new RagfleetError('INTERNAL', 'not part of this test');
      },
      unimplemented,
      unimplemented,
      panelService(runner),
    ),
  );
  client = new GenerateClient(`127.0.0.1:${await server.listen(0, '127.0.0.1')}`);
});

afterAll(async () => {
  client.close();
  routerClient.close();
  retrieveClient.close();
  await server.close();
  await upstream.close();
  await proxy.close();
  await ollama.close();
});

async function panel(
  request: Partial<GenerateV1.AnswerRequest>,
): Promise<GenerateV1.AnswerResponse__Output[]> {
  const events: GenerateV1.AnswerResponse__Output[] = [];
  await runWithRequestContext({ requestId: `req-${uniqueSuffix()}`, tenant: 'acme' }, async () => {
    for await (const event of client.answer({
      query: 'Should we roll out the candidate?',
      tier: 'standard',
      ...request,
    }))
      events.push(event);
  });
  return events;
}

const DELAYS: Record<string, number> = { answer: 400, risks: 250, 'next-questions': 150, decision: 300 };

describe('panels over gRPC', () => {
  it('runs the specialists at once: elapsed is near the slowest, not the sum', async () => {
    proxy.setPlan((call) => ({ delayMs: DELAYS[call.specialist ?? ''] ?? 0 }));
    const before = searches;
    const started = performance.now();
    const events = await panel({ panel: ALL });
    const wall = performance.now() - started;
    expect(searches - before).toBe(1); // retrieved once for all four
    const result = events.find((event) => event.panelResult)?.panelResult;
    expect(result?.specialists.map((s) => [s.specialist, s.ok])).toEqual(ALL.map((name) => [name, true]));
    const sum = Object.values(DELAYS).reduce((total, delay) => total + delay, 0);
    expect(result?.slowestMs).toBeGreaterThanOrEqual(400);
    expect(result?.sumMs).toBeGreaterThanOrEqual(sum);
    // Sequential would take the sum (1,100 ms); in parallel it is the slowest plus overhead.
    expect(result?.elapsedMs).toBeLessThan(result!.slowestMs + 250);
    expect(wall).toBeLessThan(sum);
    const decision = result?.specialists.find((s) => s.specialist === 'decision');
    expect(decision?.score).toBe(72);
    expect(result?.specialists.find((s) => s.specialist === 'risks')?.score ?? null).toBeNull();
    expect(decision?.model).toBe('ollama/llama3.2');
    expect(events.at(-1)?.done?.promptVersion).toBe(
      'panel-answer:v1,panel-risks:v1,panel-next_questions:v1,panel-decision:v1',
    );
  });

  it('streams each specialist by name, its tokens before its specialist_done, then panel_result and done', async () => {
    proxy.setPlan((call) => ({ delayMs: DELAYS[call.specialist ?? ''] ?? 0 }));
    const events = await panel({ panel: ['decision', 'next_questions'] });
    const kinds = events.map((event) => event.event);
    expect(kinds.slice(-2)).toEqual(['panelResult', 'done']);
    for (const name of ['decision', 'next_questions']) {
      const tokens = events.flatMap((event, at) => (event.token?.specialist === name ? [at] : []));
      const done = events.findIndex((event) => event.specialistDone?.specialist === name);
      expect(tokens.length).toBeGreaterThan(0);
      expect(Math.max(...tokens)).toBeLessThan(done);
      const text = events.flatMap((event, at) => (tokens.includes(at) ? [event.token?.text] : [])).join('');
      expect(text).toBe(TOKENS.join(''));
      expect(events[done]?.specialistDone?.text).toBe(text);
    }
    // The faster specialist (next questions, 150 ms) finishes first.
    const order = events.flatMap((event) => (event.specialistDone ? [event.specialistDone.specialist] : []));
    expect(order).toEqual(['next_questions', 'decision']);
    expect(events.filter((event) => event.token && !event.token.specialist)).toEqual([]);
  });

  it('reports a failed specialist and still returns the others', async () => {
    proxy.setPlan((call) => (call.specialist === 'risks' ? { failStatus: 500 } : { delayMs: 50 }));
    const events = await panel({ panel: ALL });
    const risks = events.find((event) => event.specialistDone?.specialist === 'risks')?.specialistDone;
    expect(risks?.ok).toBe(false);
    expect(risks?.errorCode).not.toBe('');
    expect(risks?.errorMessage).toContain('ollama/llama3.2');
    expect(events.some((event) => event.token?.specialist === 'risks')).toBe(false);
    const result = events.find((event) => event.panelResult)?.panelResult;
    expect(result?.specialists.filter((s) => s.ok).map((s) => s.specialist)).toEqual([
      'answer',
      'next_questions',
      'decision',
    ]);
    expect(events.at(-1)?.done).toBeTruthy();
  });

  it('refuses an unknown or repeated specialist before anything streams', async () => {
    await expect(panel({ panel: ['answer', 'astrology', 'answer'] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: {
        fields: [
          { field: 'panel.1', message: expect.stringContaining('unknown specialist "astrology"') },
          { field: 'panel.2', message: expect.stringContaining('twice') },
        ],
      },
    });
  });

  it('works offline with the extractive provider, with the heuristic decision score', async () => {
    const events = await panel({ panel: ['answer', 'decision'], tier: 'free' });
    const result = events.find((event) => event.panelResult)?.panelResult;
    expect(result?.specialists.every((s) => s.ok && s.model === 'extractive/extractive-v1')).toBe(true);
    // Offline, each specialist quotes the same extractive answer (the extractive provider reads no prompt).
    const [answer, decision] = result?.specialists ?? [];
    expect(answer?.text).toBe(decision?.text);
    expect(answer?.text).toMatch(/\[\d\]/);
    const expected = heuristicDecisionScore('Should we roll out the candidate?', HITS);
    expect(decision?.score).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });
});
