import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GenerateV1 } from '@ragfleet/protos';
import type { CallContext } from '@ragfleet/grpc';
import { waitFor } from '@ragfleet/testing';
import type { FakeUpstreams } from './support/fake-upstreams.ts';
import { ndjsonLines, postJson, startTestGateway, type TestGateway } from './support/start-gateway.ts';
import { startWsTestGateway, WsClient, type WsTestGateway } from './support/ws-gateway.ts';

/*
 * A frozen upstream: generate sends its first status event and then nothing, holding the stream
 * open. The client must get an explicit UPSTREAM_TIMEOUT error once the idle limit passes, and
 * the upstream call must be cancelled, instead of silence until a deadline.
 */
const IDLE_MS = 400;

function freeze(upstreams: FakeUpstreams): { cancelled: () => boolean } {
  let cancelled = false;
  upstreams.answer = async function* frozen(
    _request: GenerateV1.AnswerRequest__Output,
    context: CallContext,
  ): AsyncGenerator<GenerateV1.AnswerResponse> {
    yield { status: { stage: 'retrieve', message: 'searching', provider: '', model: '' } };
    await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
    cancelled = true;
  };
  return { cancelled: () => cancelled };
}

describe('a frozen upstream over HTTP', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ streamIdleMs: IDLE_MS });
  });
  afterAll(async () => {
    await gateway.stop();
  });

  it('NDJSON: ends with an UPSTREAM_TIMEOUT error event after the idle limit, and cancels upstream', async () => {
    const frozen = freeze(gateway.upstreams);
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q', stream: true });
    const arrivals: Array<{ at: number; event: Record<string, unknown> }> = [];
    for await (const event of ndjsonLines(response.body as ReadableStream<Uint8Array>)) {
      arrivals.push({ at: performance.now(), event });
    }
    expect(arrivals.map(({ event }) => event.type)).toEqual(['status', 'error']);
    expect(arrivals[1]?.event).toMatchObject({ error: { code: 'UPSTREAM_TIMEOUT', retryable: true } });
    const silence = (arrivals[1]?.at ?? 0) - (arrivals[0]?.at ?? 0);
    console.log(`NDJSON: idle limit ${IDLE_MS} ms, longest silence the client met ${silence.toFixed(0)} ms`);
    expect(silence).toBeGreaterThanOrEqual(IDLE_MS - 50);
    expect(silence).toBeLessThan(IDLE_MS + 1_000);
    await waitFor(() => frozen.cancelled(), 5_000);
  });

  it('JSON: answers 504 UPSTREAM_TIMEOUT instead of waiting for the deadline', async () => {
    const frozen = freeze(gateway.upstreams);
    const started = performance.now();
    const response = await postJson(`${gateway.url}/v1/rag`, { query: 'q' });
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: { code: 'UPSTREAM_TIMEOUT', retryable: true } });
    expect(performance.now() - started).toBeLessThan(IDLE_MS + 1_000);
    await waitFor(() => frozen.cancelled(), 5_000);
  });
});

describe('a frozen upstream over WebSocket', () => {
  let gateway: WsTestGateway;
  beforeAll(async () => {
    gateway = await startWsTestGateway({ limits: { streamIdleMs: IDLE_MS } });
  });
  afterAll(async () => {
    await gateway.stop();
  });

  it('the ask ends with UPSTREAM_TIMEOUT after the idle limit; the socket stays open for the next', async () => {
    const frozen = freeze(gateway.upstreams);
    const client = await new WsClient(gateway.wsUrl).open();
    client.send({ type: 'rag', id: 'frozen', query: 'q' });
    const started = performance.now();
    const events = await client.ask('frozen');
    const silence = performance.now() - started;
    console.log(`WebSocket: idle limit ${IDLE_MS} ms, ask ended after ${silence.toFixed(0)} ms`);
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      error: { code: 'UPSTREAM_TIMEOUT', retryable: true },
    });
    await waitFor(() => frozen.cancelled(), 5_000);
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    client.socket.terminate();
  });
});
