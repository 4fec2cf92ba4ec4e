import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort, waitFor } from '@ragfleet/testing';
import { FakeUpstreams } from './support/fake-upstreams.ts';
import { WsClient } from './support/ws-gateway.ts';

const MAIN = join(import.meta.dirname, '../src/main.ts');

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
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        GATEWAY_PORT: String(port),
        GATEWAY_HOST: '127.0.0.1',
        RETRIEVE_ADDR: address,
        GENERATE_ADDR: address,
        GATEWAY_DRAIN_MS: '800',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes('gateway listening'), 15_000);

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
