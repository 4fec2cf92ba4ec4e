import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, stopProcess } from '@ragfleet/testing';
import { FakeUpstreams } from './support/fake-upstreams.ts';
import { startGatewayProcess } from './support/gateway-process.ts';

/* The real gateway process at its edges: ports, persistence without Redis, hostile clients. */
const ADMIN_TOKEN = 'admin-token-for-edge-tests-0123456789';
let upstreams: FakeUpstreams;
let address: string;
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-edge-'));

beforeAll(async () => {
  upstreams = new FakeUpstreams();
  address = await upstreams.start();
});

afterAll(async () => {
  await upstreams.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function gateway(env: Record<string, string> = {}) {
  const port = await freePort();
  const started = await startGatewayProcess({
    port,
    upstream: address,
    env: { GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN, DATA_DIR: dataDir, ...env },
  });
  return { ...started, url: `http://127.0.0.1:${port}` };
}

/** Writes raw bytes and resolves with what came back once the server closed (or after waitMs). */
function raw(port: number, write: (socket: ReturnType<typeof connect>) => void, waitMs = 10_000) {
  return new Promise<{ text: string; closed: boolean; ms: number }>((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1', () => write(socket));
    let text = '';
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
  });
}

describe('the gateway process', () => {
  it('serves /metrics on the ops port only, never on the public one', async () => {
    const { child, url, opsPort, output } = await gateway();
    try {
      const publicMetrics = await fetch(`${url}/metrics`);
      expect(publicMetrics.status).toBe(404);
      expect(await publicMetrics.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
      const ops = await fetch(`http://127.0.0.1:${opsPort}/metrics`);
      expect(ops.status).toBe(200);
      expect(await ops.text()).toContain('ragfleet_gateway_requests_total');
      expect((await fetch(`http://127.0.0.1:${opsPort}/readyz`)).status).toBe(200);
      // The log names the address it really listens on.
      expect(output()).toContain(`gateway listening on ${url}`);
    } finally {
      await stopProcess(child);
    }
  });

  it('keeps admin-created keys across a restart without Redis, and their revocation too', async () => {
    const first = await gateway();
    let key: string;
    let id: string;
    try {
      const created = await fetch(`${first.url}/v1/admin/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: 'tenant-p', tier: 'standard' }),
      });
      expect(created.status).toBe(201);
      ({
        key,
        api_key: { id },
      } = (await created.json()) as { key: string; api_key: { id: string } });
      expect(first.output()).toContain('one gateway replica only');
    } finally {
      await stopProcess(first.child);
    }
    const search = (url: string) =>
      fetch(`${url}/v1/search`, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'x' }),
      });
    const second = await gateway();
    try {
      expect((await search(second.url)).status).toBe(200);
      const revoked = await fetch(`${second.url}/v1/admin/keys/${id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(revoked.status).toBe(200);
    } finally {
      await stopProcess(second.child);
    }
    const third = await gateway();
    try {
      expect((await search(third.url)).status).toBe(401);
    } finally {
      await stopProcess(third.child);
    }
  }, 60_000);

  it('answers 413 as soon as a chunked body crosses the limit, without waiting for its end, and closes', async () => {
    const { child, url } = await gateway({ GATEWAY_BODY_LIMIT: '1kb' });
    try {
      const port = Number(new URL(url).port);
      const answer = await raw(port, (socket) => {
        socket.write(
          'POST /v1/admin/keys HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
            `Authorization: Bearer ${ADMIN_TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n`,
        );
        // 2 KB in chunks, and never the final zero-length chunk.
        const chunk = 'a'.repeat(256);
        for (let i = 0; i < 8; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      });
      expect(answer.text).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer.text).toContain('PAYLOAD_TOO_LARGE');
      expect(answer.closed).toBe(true);
      expect(answer.ms).toBeLessThan(5_000);
    } finally {
      await stopProcess(child);
    }
  });

  it('cuts a client that sends its headers too slowly', async () => {
    const { child, url } = await gateway({
      GATEWAY_HEADERS_TIMEOUT_MS: '500',
      GATEWAY_REQUEST_TIMEOUT_MS: '1000',
    });
    try {
      const answer = await raw(Number(new URL(url).port), (socket) =>
        socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'),
      );
      expect(answer.closed).toBe(true);
      expect(answer.ms).toBeLessThan(5_000);
    } finally {
      await stopProcess(child);
    }
  });
});
