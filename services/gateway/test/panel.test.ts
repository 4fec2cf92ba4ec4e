import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { GenerateV1 } from '@ragfleet/protos';
import * as responses from '../src/openapi/response-schemas.ts';
import { NORMAL_ANSWER } from './support/fake-upstreams.ts';
import { ndjsonLines, postJson } from './support/start-gateway.ts';
import { startWsTestGateway, WsClient, type WsTestGateway } from './support/ws-gateway.ts';
import { conforms } from './support/response-checks.ts';

/*
 * Panels through the gateway over real gRPC to a fake generate: the request's `panel` names reach
 * generate, the NDJSON stream keeps generate's order with every token tagged by its specialist,
 * `specialist_done` and `panel_result` come through, the JSON answer carries the panel, a
 * WebSocket ask does the same, and `done` names the answer and its experiment variant.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let gateway: WsTestGateway;
const sockets: WsClient[] = [];

/** The specialists' parts as the fake writes them: two tokens each; `risks` fails when asked to. */
const PART: Record<string, string[]> = {
  answer: ['Alpha is ', 'the first [1].'],
  risks: ['It may ', 'be stale.'],
  next_questions: ['What is ', 'beta?'],
  decision: ['Go: ', 'the sources agree.'],
};

let failRisks = false;

/**
 * generate's panel as the proto describes it: tokens of the named specialists interleaved (they
 * run in parallel), each one's specialist_done as it ends, one panel_result, usage and done.
 */
async function* panelAnswer(
  request: GenerateV1.AnswerRequest__Output,
): AsyncIterable<GenerateV1.AnswerResponse> {
  yield NORMAL_ANSWER[0]!;
  yield NORMAL_ANSWER[1]!;
  const names = request.panel;
  const results: GenerateV1.SpecialistResult[] = [];
  for (let step = 0; step < 2; step++) {
    for (const [index, name] of names.entries()) {
      if (name === 'risks' && failRisks) continue;
      yield { token: { text: PART[name]![step]!, specialist: name } };
      if (step === 1) {
        const result: GenerateV1.SpecialistResult = {
          specialist: name,
          ok: true,
          text: PART[name]!.join(''),
          latencyMs: 100 + 10 * index,
          model: 'extractive-v1',
          ...(name === 'decision' ? { score: 82 } : {}),
        };
        results.push(result);
        yield { specialistDone: result };
      }
    }
  }
  if (failRisks && names.includes('risks')) {
    const failed: GenerateV1.SpecialistResult = {
      specialist: 'risks',
      ok: false,
      errorCode: 'PROVIDER_FAILED',
      errorMessage: 'The model failed.',
      latencyMs: 50,
    };
    results.push(failed);
    yield { specialistDone: failed };
  }
  const order = (result: GenerateV1.SpecialistResult) => names.indexOf(result.specialist ?? '');
  results.sort((a, b) => order(a) - order(b));
  const latencies = results.map((result) => Number(result.latencyMs ?? 0));
  yield {
    panelResult: {
      specialists: results,
      elapsedMs: Math.max(...latencies) + 3,
      slowestMs: Math.max(...latencies),
      sumMs: latencies.reduce((sum, value) => sum + value, 0),
    },
  };
  yield NORMAL_ANSWER[4]!;
  yield {
    done: {
      ...NORMAL_ANSWER[5]!.done,
      answerId: 'ans-42',
      experimentId: 'exp-7',
      variant: 'short',
    },
  };
}

async function streamed(body: Json): Promise<Json[]> {
  const response = await postJson(`${gateway.url}/v1/rag`, { ...body, stream: true });
  expect(response.status).toBe(200);
  const events: Json[] = [];
  for await (const event of ndjsonLines(response.body!)) events.push(event);
  return events;
}

beforeAll(async () => {
  gateway = await startWsTestGateway();
});

afterEach(() => {
  failRisks = false;
  gateway.upstreams.answer = async function* () {
    yield* NORMAL_ANSWER;
  };
  for (const socket of sockets.splice(0)) socket.socket.terminate();
});

afterAll(async () => {
  await gateway.stop();
});

describe('POST /v1/rag with a panel, NDJSON', () => {
  it('passes the names on and streams every event in generate’s order, tokens tagged by specialist', async () => {
    gateway.upstreams.answer = panelAnswer;
    const panel = ['answer', 'risks', 'decision'];
    const events = await streamed({ query: 'what is alpha?', panel });
    expect((gateway.upstreams.lastCall('Answer')?.request as Json).panel).toEqual(panel);
    for (const event of events) conforms(responses.answerEvent, event);
    expect(
      events.map((event) => (event.type === 'token' ? `token:${event.specialist}` : event.type)),
    ).toEqual([
      'status',
      'citations',
      'token:answer',
      'token:risks',
      'token:decision',
      'token:answer',
      'specialist_done',
      'token:risks',
      'specialist_done',
      'token:decision',
      'specialist_done',
      'panel_result',
      'usage',
      'done',
    ]);
    const done = events.filter((event) => event.type === 'specialist_done');
    expect(done.map((event) => [event.specialist, event.ok, event.score])).toEqual([
      ['answer', true, null],
      ['risks', true, null],
      ['decision', true, 82],
    ]);
    expect(done[0]).toEqual({
      type: 'specialist_done',
      specialist: 'answer',
      ok: true,
      text: 'Alpha is the first [1].',
      score: null,
      error: null,
      latency_ms: 100,
      model: 'extractive-v1',
    });
    const result = events.find((event) => event.type === 'panel_result')!;
    expect(result).toMatchObject({ elapsed_ms: 123, slowest_ms: 120, sum_ms: 330 });
    expect(result.specialists.map((entry: Json) => entry.specialist)).toEqual(panel);
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      answer_id: 'ans-42',
      experiment_id: 'exp-7',
      variant: 'short',
    });
  });

  it('reports a failed specialist in its specialist_done and the panel, the others still answer', async () => {
    gateway.upstreams.answer = panelAnswer;
    failRisks = true;
    const events = await streamed({ query: 'q', panel: ['answer', 'risks'] });
    expect(events.filter((event) => event.type === 'token').map((event) => event.specialist)).toEqual([
      'answer',
      'answer',
    ]);
    const failed = events.find((event) => event.type === 'specialist_done' && event.specialist === 'risks');
    expect(failed).toMatchObject({
      ok: false,
      text: '',
      score: null,
      error: { code: 'PROVIDER_FAILED', message: 'The model failed.' },
    });
    const result = events.find((event) => event.type === 'panel_result')!;
    expect(result.specialists.map((entry: Json) => [entry.specialist, entry.ok])).toEqual([
      ['answer', true],
      ['risks', false],
    ]);
    expect(events.at(-1)?.type).toBe('done');
  });

  it('leaves a plain answer’s tokens and done as they were (no specialist, no ids unset upstream)', async () => {
    const events = await streamed({ query: 'q' });
    expect((gateway.upstreams.lastCall('Answer')?.request as Json).panel).toEqual([]);
    expect(events.find((event) => event.type === 'token')).toEqual({ type: 'token', text: 'Hello' });
    const done = events.at(-1)!;
    expect(done.type).toBe('done');
    for (const field of ['answer_id', 'experiment_id', 'variant']) expect(done).not.toHaveProperty(field);
  });
});

describe('POST /v1/rag with a panel, JSON', () => {
  it('answers with the answer specialist’s text and the whole panel with its timing', async () => {
    gateway.upstreams.answer = panelAnswer;
    const response = await postJson(`${gateway.url}/v1/rag`, {
      query: 'what is alpha?',
      panel: ['answer', 'next_questions', 'decision'],
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    conforms(responses.answerJson, body);
    expect(body.answer).toBe('Alpha is the first [1].');
    expect(body).toMatchObject({ answer_id: 'ans-42', experiment_id: 'exp-7', variant: 'short' });
    expect(body.panel).toEqual({
      specialists: [
        expect.objectContaining({
          specialist: 'answer',
          ok: true,
          text: 'Alpha is the first [1].',
          score: null,
        }),
        expect.objectContaining({ specialist: 'next_questions', ok: true, text: 'What is beta?' }),
        expect.objectContaining({
          specialist: 'decision',
          ok: true,
          text: 'Go: the sources agree.',
          score: 82,
        }),
      ],
      elapsed_ms: 123,
      slowest_ms: 120,
      sum_ms: 330,
    });
  });

  it('has no panel field for a plain answer', async () => {
    const body = (await (await postJson(`${gateway.url}/v1/rag`, { query: 'q' })).json()) as Json;
    expect(body).not.toHaveProperty('panel');
    expect(body.answer).toBe('Hello world [1]');
  });
});

describe('bad panels', () => {
  it.each<[string, unknown, string]>([
    ['an unknown specialist', ['answer', 'jokes'], 'body.panel.1'],
    ['a duplicate', ['risks', 'risks'], 'body.panel.1'],
    ['an empty list', [], 'body.panel'],
    ['a string', 'answer', 'body.panel'],
  ])('refuses %s with 400 INVALID_ARGUMENT naming the entry', async (_what, panel, field) => {
    const before = gateway.upstreams.calls.length;
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q', panel });
    const body = (await response.json()) as Json;
    expect({ status: response.status, code: body.error.code }).toEqual({
      status: 400,
      code: 'INVALID_ARGUMENT',
    });
    // A string is both "not an array" and "too long" to zod: one field, maybe two problems.
    expect([...new Set(body.error.details.fields.map((entry: Json) => entry.field))]).toEqual([field]);
    expect(gateway.upstreams.calls.length).toBe(before);
  });
});

describe('WebSocket rag ask with a panel', () => {
  it('streams the panel tagged with the ask id and the specialist, ending with done', async () => {
    gateway.upstreams.answer = panelAnswer;
    const socket = await new WsClient(gateway.wsUrl).open();
    sockets.push(socket);
    socket.send({ type: 'rag', id: 'p1', query: 'what is alpha?', panel: ['decision', 'answer'] });
    const events = await socket.ask('p1');
    expect((gateway.upstreams.lastCall('Answer')?.request as Json).panel).toEqual(['decision', 'answer']);
    expect(events.every((event) => event.id === 'p1')).toBe(true);
    expect(events.filter((event) => event.type === 'token').map((event) => event.specialist)).toEqual([
      'decision',
      'answer',
      'decision',
      'answer',
    ]);
    expect(
      events.filter((event) => event.type === 'specialist_done').map((event) => event.specialist),
    ).toEqual(['decision', 'answer']);
    expect(events.map((event) => event.type).slice(-3)).toEqual(['panel_result', 'usage', 'done']);
    expect(events.at(-1)).toMatchObject({ answer_id: 'ans-42', variant: 'short' });
  });

  it('refuses a bad panel name on the socket with a 400-style error event for that ask', async () => {
    const socket = await new WsClient(gateway.wsUrl).open();
    sockets.push(socket);
    const before = gateway.upstreams.calls.length;
    socket.send({ type: 'rag', id: 'p2', query: 'q', panel: ['oracle'] });
    const [event] = await socket.ask('p2');
    expect(event).toMatchObject({ type: 'error', id: 'p2', error: { code: 'INVALID_ARGUMENT' } });
    expect(gateway.upstreams.calls.length).toBe(before);
  });
});
