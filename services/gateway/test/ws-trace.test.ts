import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTracing } from '@ragfleet/telemetry';
import { NORMAL_ANSWER } from './support/fake-upstreams.ts';
import { startWsTestGateway, WsClient, type WsTestGateway } from './support/ws-gateway.ts';

/*
 * Each WebSocket ask runs in the context of the upgrade request's traceparent, so the generate
 * call it makes continues the caller's trace. Without an exporter no span is recorded (the
 * recorded tree, rooted at the gateway's ask span, is checked by test/tracing/one-trace.test.ts);
 * the propagated trace id is what shows here that the ask, not the socket's event, is the parent.
 */
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER = `00-${TRACE_ID}-b7ad6b7169203331-01`;
let stopTracing: () => Promise<void>;
let gateway: WsTestGateway;
/** The traceparent each Answer call arrived with, by the ask's query. */
const seen = new Map<string, string | undefined>();

beforeAll(async () => {
  stopTracing = await startTracing('gateway-test', {});
  gateway = await startWsTestGateway();
  gateway.upstreams.answer = async function* (request, context) {
    seen.set(request.query, context.metadata.get('traceparent')[0]?.toString());
    yield* NORMAL_ANSWER;
  };
});

afterAll(async () => {
  await gateway.stop();
  await stopTracing();
});

async function askAll(headers: Record<string, string>, queries: string[]): Promise<void> {
  const client = await new WsClient(gateway.wsUrl, headers).open();
  try {
    for (const [index, query] of queries.entries()) client.send({ type: 'rag', id: `a${index}`, query });
    for (const index of queries.keys())
      expect((await client.ask(`a${index}`)).at(-1)).toMatchObject({ type: 'done' });
  } finally {
    client.socket.terminate();
  }
}

describe('a WebSocket ask', () => {
  it("calls generate in the trace of the upgrade's traceparent, every ask on the socket", async () => {
    await askAll({ traceparent: CALLER }, ['first ask', 'second ask']);
    for (const query of ['first ask', 'second ask']) expect(seen.get(query)?.split('-')[1]).toBe(TRACE_ID);
  });

  it('starts no trace of its own when the upgrade carried none and nothing records spans', async () => {
    await askAll({}, ['untraced ask']);
    expect(seen.has('untraced ask')).toBe(true);
    expect(seen.get('untraced ask')).toBeUndefined();
  });
});
