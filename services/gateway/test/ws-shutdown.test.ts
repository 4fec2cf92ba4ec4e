import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort, waitFor } from '@ragfleet/testing';
import { FakeUpstreams } from './support/fake-upstreams.ts';
import { startGatewayProcess } from './support/gateway-process.ts';
import { WsClient } from './support/ws-gateway.ts';

let upstreams: FakeUpstreams;
let address: string;

beforeAll(async () => {
  upstreams = new FakeUpstreams();
  address = await upstreams.start();
});

afterAll(async () => {
  await upstreams.stop();
});

describe('gateway process with WebSocket streams', () => {
  it('on SIGTERM ends a stream still running after the drain with an error event, closes 1001, exits 0', async () => {
    let cancelled = false;
    upstreams.answer = async function* (_request, context) {
      context.signal.addEventListener('abort', () => (cancelled = true));
      yield { token: { text: 'before' } };
      await once(context.signal, 'abort'); // never finishes on its own
    };
    const port = await freePort();
    const { child } = await startGatewayProcess({
      port,
      upstream: address,
      env: { GATEWAY_DRAIN_MS: '800', LOG_LEVEL: 'info' },
    });

    const socket = await new WsClient(`ws://127.0.0.1:${port}/v1/ws`).open();
    socket.send({ type: 'rag', id: 'q', query: 'a long answer' });
    await socket.until((event) => event.id === 'q' && event.type === 'token');
    const exited = once(child, 'exit');
    child.kill('SIGTERM');

    const events = await socket.ask('q');
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      error: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });
    expect(await socket.closed).toEqual({ code: 1001, reason: 'server shutting down' });
    const [code] = (await exited) as [number];
    expect(code).toBe(0);
    await waitFor(() => cancelled, 5_000);
  });
});
