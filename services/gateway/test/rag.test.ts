import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import type { GenerateV1 } from '@ragfleet/protos';
import { waitFor } from '@ragfleet/testing';
import { NORMAL_ANSWER } from './support/fake-upstreams.ts';
import { ndjsonLines, postJson, startTestGateway, type TestGateway } from './support/start-gateway.ts';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
});

afterAll(async () => {
  await gateway.stop();
});

afterEach(() => {
  gateway.upstreams.answer = async function* () {
    yield* NORMAL_ANSWER;
  };
});

function script(answer: typeof gateway.upstreams.answer): void {
  gateway.upstreams.answer = answer;
}

const STREAM = { accept: 'application/x-ndjson' };

async function readAll(response: Response): Promise<Array<Record<string, unknown>>> {
  const events: Array<Record<string, unknown>> = [];
  if (!response.body) throw new Error('no body');
  for await (const event of ndjsonLines(response.body)) events.push(event);
  return events;
}

describe('POST /v1/rag routing hints', () => {
  it('passes prefer on to generate (for the router), and nothing when it is not given', async () => {
    const asked: GenerateV1.AnswerRequest__Output[] = [];
    script(async function* (request) {
      asked.push(request);
      yield* NORMAL_ANSWER;
    });
    await postJson(`${gateway.url}/v1/rag`, { query: 'what is alpha?', prefer: 'quality' });
    await postJson(`${gateway.url}/v1/rag`, { query: 'what is alpha?' });
    expect(asked.map((request) => request.prefer)).toEqual(['quality', '']);
  });
});

describe('POST /v1/rag as JSON', () => {
  it('collects the stream into one answer with citations and usage', async () => {
    const response = await postJson(`${gateway.url}/v1/rag`, {
      query: 'what is alpha?',
      k: 4,
      tier: 'standard',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({
      answer: 'Hello world [1]',
      citations: [
        {
          index: 1,
          document_id: 'doc-1',
          chunk_id: 'doc-1#0',
          title: 'One',
          text: 'alpha',
          score: expect.closeTo(0.9, 5),
          start: 0,
          end: 0,
        },
      ],
      usage: { input_tokens: 12, output_tokens: 3, provider: 'extractive', model: 'extractive-v1' },
      provider: 'extractive',
      model: 'extractive-v1',
      prompt_version: 'v1',
      finish_reason: 'stop',
      time_to_first_token_ms: 12,
      cached: false,
      cost_usd: 0.000081,
      decision: {
        complexity_class: 'simple',
        score: expect.closeTo(0.12, 10),
        features: [{ name: 'length', value: 3, contribution: expect.closeTo(0.12, 10) }],
        skipped: [{ provider: 'anthropic', model: 'claude-sonnet-4-6', reason: 'tier' }],
        prefer: 'cost',
        budget_fallback: false,
      },
    });
    expect(gateway.upstreams.lastCall('Answer')?.request).toMatchObject({
      query: 'what is alpha?',
      k: 4,
      tier: 'standard',
    });
  });

  it('takes `filter` as search does, and hands generate its exact matches', async () => {
    const response = await postJson(`${gateway.url}/v1/rag`, {
      query: 'what is alpha?',
      filter: { metadata: { topic: 'greek' }, lang: 'en', document_ids: ['doc-1'] },
    });
    expect(response.status).toBe(200);
    expect(gateway.upstreams.lastCall('Answer')?.request).toMatchObject({
      filters: { topic: 'greek', lang: 'en', document_id: 'doc-1' },
    });
  });

  it('answers an error event with the envelope and the status from the table', async () => {
    script(async function* () {
      yield { status: { stage: 'route' } };
      yield { error: { code: 'PROVIDER_UNAVAILABLE', message: 'no provider answered', retryable: true } };
    });
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q' });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: { code: 'PROVIDER_UNAVAILABLE', message: 'no provider answered', retryable: true },
    });
  });

  it("answers generate's BUDGET_EXCEEDED event with 402 and the reset time it names", async () => {
    const message = 'No model fits the day budget of key key-ci: 5 USD, resets at 2026-12-02T00:00:00.000Z.';
    script(async function* () {
      yield { status: { stage: 'budget', provider: 'anthropic', model: 'claude-opus' } };
      yield { error: { code: 'BUDGET_EXCEEDED', message, retryable: false } };
    });
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q' });
    expect(response.status).toBe(402);
    expect(await response.json()).toMatchObject({
      error: { code: 'BUDGET_EXCEEDED', message, retryable: false },
    });
  });

  it('answers a BUDGET_EXCEEDED call failure with 402 and its details (the budget and its reset)', async () => {
    const details = {
      scope: 'key',
      period: 'day',
      limit_usd: 5,
      spent_usd: 5,
      reserved_usd: 0,
      reset_at: '2026-12-02T00:00:00.000Z',
    };
    script(() => ({
      [Symbol.asyncIterator]: (): AsyncIterator<GenerateV1.AnswerResponse> => ({
        next: () => Promise.reject(new RagfleetError('BUDGET_EXCEEDED', 'budget spent', { details })),
      }),
    }));
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q' });
    expect(response.status).toBe(402);
    expect(await response.json()).toMatchObject({
      error: { code: 'BUDGET_EXCEEDED', details, retryable: false },
    });
  });

  it('never answers 200 for a stream that ended without done', async () => {
    script(async function* () {
      yield { token: { text: 'half an ans' } };
    });
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q' });
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PROVIDER_FAILED');
  });
});

describe('POST /v1/rag as NDJSON', () => {
  it('streams status, citations, tokens, usage and done in order', async () => {
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q' }, STREAM);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const events = await readAll(response);
    expect(events.map((event) => event.type)).toEqual([
      'status',
      'citations',
      'token',
      'token',
      'usage',
      'done',
    ]);
    expect(events[2]).toEqual({ type: 'token', text: 'Hello' });
    expect(events[5]).toEqual({
      type: 'done',
      provider: 'extractive',
      model: 'extractive-v1',
      finish_reason: 'stop',
      prompt_version: 'v1',
      time_to_first_token_ms: 12,
      cached: false,
      cost_usd: 0.000081,
      decision: {
        complexity_class: 'simple',
        score: expect.closeTo(0.12, 10),
        features: [{ name: 'length', value: 3, contribution: expect.closeTo(0.12, 10) }],
        skipped: [{ provider: 'anthropic', model: 'claude-sonnet-4-6', reason: 'tier' }],
        prefer: 'cost',
        budget_fallback: false,
      },
    });
  });

  it('streams when the body says "stream": true, whatever the Accept header', async () => {
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q', stream: true });
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    expect((await readAll(response)).at(-1)?.type).toBe('done');
  });

  it('flushes each event as it arrives instead of buffering the answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    script(async function* () {
      yield { token: { text: 'first' } };
      // The second token waits until the client has seen the first one over HTTP.
      await gate;
      yield { token: { text: 'second' } };
      yield { done: { provider: 'p', model: 'm', finishReason: 'stop', promptVersion: 'v1' } };
    });
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q' }, STREAM);
    if (!response.body) throw new Error('no body');
    const lines = ndjsonLines(response.body);
    expect((await lines.next()).value).toEqual({ type: 'token', text: 'first' });
    release();
    expect((await lines.next()).value).toEqual({ type: 'token', text: 'second' });
    expect((await lines.next()).value).toMatchObject({ type: 'done' });
    expect((await lines.next()).done).toBe(true);
  });

  it('ends with an explicit error event when upstream fails mid-stream', async () => {
    script(async function* () {
      yield { status: { stage: 'generate' } };
      yield { token: { text: 'partial' } };
      throw new RagfleetError('PROVIDER_FAILED', 'model crashed mid-answer');
    });
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q' }, STREAM);
    expect(response.status).toBe(200);
    const events = await readAll(response);
    expect(events.map((event) => event.type)).toEqual(['status', 'token', 'error']);
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { code: 'PROVIDER_FAILED', message: 'model crashed mid-answer', retryable: true },
    });
  });

  it('ends with an error event when upstream stops without done', async () => {
    script(async function* () {
      yield { token: { text: 'cut' } };
    });
    const events = await readAll(await postJson(`${gateway.url}/v1/rag`, { query: 'q' }, STREAM));
    expect(events.map((event) => event.type)).toEqual(['token', 'error']);
    expect(events.at(-1)).toMatchObject({ error: { code: 'PROVIDER_FAILED' } });
  });

  it('relays an upstream error event as the last event', async () => {
    script(async function* () {
      yield { status: { stage: 'route' } };
      yield { error: { code: 'BUDGET_EXCEEDED', message: 'budget spent', retryable: false } };
      yield { token: { text: 'never sent' } };
    });
    const events = await readAll(await postJson(`${gateway.url}/v1/rag`, { query: 'q' }, STREAM));
    expect(events).toEqual([
      { type: 'status', stage: 'route', message: '', provider: '', model: '' },
      { type: 'error', error: { code: 'BUDGET_EXCEEDED', message: 'budget spent', retryable: false } },
    ]);
  });

  it('answers a failure before the first event with a status and the envelope', async () => {
    script(() => ({
      [Symbol.asyncIterator]: (): AsyncIterator<GenerateV1.AnswerResponse> => ({
        next: () => Promise.reject(new RagfleetError('PROVIDER_UNAVAILABLE', 'no model could answer')),
      }),
    }));
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q' }, STREAM);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toMatchObject({ error: { code: 'PROVIDER_UNAVAILABLE', retryable: true } });
  });

  it('cancels the upstream gRPC stream when the client disconnects', async () => {
    let upstreamAborted = false;
    script(async function* (_request, context) {
      yield { token: { text: 'one' } };
      await new Promise<void>((resolve) =>
        context.signal.addEventListener('abort', () => resolve(), { once: true }),
      );
      upstreamAborted = context.signal.aborted;
    });
    const client = new AbortController();
    const response = await fetch(`${gateway.url}/v1/rag`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...STREAM },
      body: JSON.stringify({ query: 'q' }),
      signal: client.signal,
    });
    if (!response.body) throw new Error('no body');
    expect((await ndjsonLines(response.body).next()).value).toEqual({ type: 'token', text: 'one' });
    client.abort();
    await waitFor(() => upstreamAborted, 5_000);
    expect(upstreamAborted).toBe(true);
  });

  it('records the time to first byte of streams', async () => {
    await readAll(await postJson(`${gateway.url}/v1/rag`, { query: 'q' }, STREAM));
    const text = await gateway.metrics();
    expect(text).toMatch(/ragfleet_gateway_stream_time_to_first_byte_seconds_count\{[^}]*\} [1-9]/);
  });
});
