import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetchWithConnectTimeout } from '../src/adapters/connect-timeout-fetch.ts';

/*
 * The connect timeout against real sockets: a server that answers (slowly) is no timeout however
 * long its headers take; a listener whose accept queue is full leaves the connection unanswered
 * (the kernel drops the SYN), which is what a host that is down or unreachable looks like.
 */

let slow: Server;
let slowUrl: string;
let stuck: ChildProcess;
let stuckPort: number;
const fillers: Socket[] = [];

/** A process that listens with a backlog of 1 and then blocks its event loop: nothing is accepted. */
async function startStuckListener(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const s = require('node:net').createServer();
       s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
         console.log(s.address().port);
         setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30000), 50);
       });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve) =>
    child.stdout?.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))),
  );
  await new Promise((resolve) => setTimeout(resolve, 150));
  return { child, port };
}

beforeAll(async () => {
  slow = createServer((_request, response) => {
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.end('{"a":1}\n{"b":2}\n');
    }, 400);
  });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
  ({ child: stuck, port: stuckPort } = await startStuckListener());
  // Fill the accept queue: later connections get no answer at all.
  for (let i = 0; i < 4; i++) fillers.push(connect(stuckPort, '127.0.0.1').on('error', () => {}));
  await new Promise((resolve) => setTimeout(resolve, 100));
});

afterAll(async () => {
  for (const filler of fillers) filler.destroy();
  stuck.kill('SIGKILL');
  slow.closeAllConnections();
  await new Promise<void>((resolve) => slow.close(() => resolve()));
});

describe('fetchWithConnectTimeout', () => {
  it('waits for slow headers past the connect timeout: only the connection is bounded', async () => {
    const fetchSlowly = fetchWithConnectTimeout('ollama', 100);
    const response = await fetchSlowly(`${slowUrl}/api/chat`, { method: 'POST', body: '{"model":"m"}' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    expect(await response.text()).toBe('{"a":1}\n{"b":2}\n');
  });

  it('fails with UPSTREAM_TIMEOUT (connect) when no connection comes within the timeout', async () => {
    const started = Date.now();
    await expect(
      fetchWithConnectTimeout('ollama', 300)(`http://127.0.0.1:${stuckPort}/api/chat`, {
        method: 'POST',
        body: '{}',
      }),
    ).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      message: 'ollama: no connection within 300 ms',
      details: { provider: 'ollama', timeout: 'connect', timeout_ms: 300 },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("honours the caller's signal", async () => {
    const controller = new AbortController();
    const pending = fetchWithConnectTimeout('ollama', 5_000)(`${slowUrl}/api/chat`, {
      signal: controller.signal,
    });
    controller.abort(new Error('caller left'));
    await expect(pending).rejects.toThrow();
  });
});
