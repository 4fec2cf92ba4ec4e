import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort, waitFor } from '@ragfleet/testing';
import { FakeUpstreams } from './support/fake-upstreams.ts';
import { startGatewayProcess } from './support/gateway-process.ts';
import { ndjsonLines, postJson } from './support/start-gateway.ts';

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

describe('gateway process', () => {
  it('refuses to start on a bad configuration, naming the variable', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, GATEWAY_PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(78);
    expect(stderr).toContain('GATEWAY_PORT');
  });

  it('on SIGTERM lets an active stream finish, refuses new connections, then exits 0', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    upstreams.answer = async function* () {
      yield { token: { text: 'before' } };
      await gate;
      yield { token: { text: 'after' } };
      yield { done: { provider: 'p', model: 'm', finishReason: 'stop', promptVersion: 'v1' } };
    };
    const port = await freePort();
    const { child } = await startGatewayProcess({
      port,
      upstream: address,
      // Long enough that a busy CI machine cannot run out the drain before the test releases the stream.
      env: { GATEWAY_DRAIN_MS: '25000' },
    });
    const url = `http://127.0.0.1:${port}`;
    const response = await postJson(`${url}/v1/rag`, { query: 'q', stream: true });
    if (!response.body) throw new Error('no body');
    const lines = ndjsonLines(response.body);
    expect((await lines.next()).value).toEqual({ type: 'token', text: 'before' });

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await waitFor(async () => {
      try {
        await fetch(`${url}/healthz`);
        return false;
      } catch {
        return true; // the listener is closed: no new connections
      }
    }, 15_000);
    release();
    expect((await lines.next()).value).toEqual({ type: 'token', text: 'after' });
    expect((await lines.next()).value).toMatchObject({ type: 'done' });
    const [code] = (await exited) as [number];
    expect(code).toBe(0);
  }, 60_000);
});
