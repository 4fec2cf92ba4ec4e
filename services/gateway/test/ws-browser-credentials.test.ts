import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { uniqueSuffix } from '@ragfleet/testing';
import { Admission } from '../src/admission/admission.ts';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';
import { RedisTicketStore } from '../src/ws/tickets/redis-ticket-store.ts';
import { rawUpgrade } from './support/raw-ws.ts';
import { startWsTestGateway, WsClient, type WsTestGateway } from './support/ws-gateway.ts';

/*
 * What a browser can do: it cannot set Authorization on a WebSocket, only offer subprotocols
 * (`new WebSocket(url, ['ragfleet.v1', 'bearer.<key>'])` sends exactly that header) or put a
 * ticket in the URL. The ws client below sends the same handshake a browser does.
 */

const KEY = 'rf_browser_key_for_ws_credential_tests';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function keyDirectory() {
  return new KeyDirectory({
    fileKeys: [
      {
        id: 'browser',
        hash: hashApiKey(KEY),
        tenant: 'tenant-web',
        user: 'bea',
        tier: 'free',
        scopes: ['*'],
      },
    ],
    store: new MemoryKeyStore(),
    cacheMs: 0,
  });
}

const admissionWith = (keys: KeyDirectory) =>
  new Admission({ auth: new Authenticator({ keys, anonymousTier: 'free' }) });

async function askOnce(client: WsClient, id: string) {
  client.send({ type: 'rag', id, query: 'How do answers stream?' });
  return client.until((event) => event.id === id && ['done', 'error'].includes(String(event.type)));
}

async function refusedStatus(url: string, protocols: string[] = [], headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, protocols, { headers });
  const [, response] = (await once(socket, 'unexpected-response')) as [
    unknown,
    NodeJS.ReadableStream & { statusCode: number },
  ];
  for await (const _chunk of response); // the envelope; the socket ends with it
  return response.statusCode;
}

async function ticket(gateway: WsTestGateway, credential = KEY): Promise<string> {
  const response = await fetch(`${gateway.url}/v1/ws/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}` },
  });
  expect(response.status).toBe(201);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { ticket: string; expires_at: string; url: string };
  expect(body.url).toBe(`/v1/ws?ticket=${body.ticket}`);
  return body.ticket;
}

describe('a browser-style credential on /v1/ws', () => {
  let gateway: WsTestGateway;
  let keys: KeyDirectory;
  beforeAll(async () => {
    keys = keyDirectory();
    gateway = await startWsTestGateway({ admission: admissionWith(keys), ticketTtlMs: 400 });
  });
  afterAll(() => gateway.stop());

  it('takes the key as a bearer subprotocol and echoes only ragfleet.v1', async () => {
    const client = await new WsClient(gateway.wsUrl, {}, ['ragfleet.v1', `bearer.${KEY}`]).open();
    expect(client.socket.protocol).toBe('ragfleet.v1');
    expect(await askOnce(client, 'one')).toMatchObject({ type: 'done' });
    expect(gateway.upstreams.lastCall('Answer')).toMatchObject({ tenant: 'tenant-web', user: 'bea' });
    client.socket.close();

    const port = Number(new URL(gateway.url).port);
    const { socket, status, head } = await rawUpgrade(
      port,
      '/v1/ws',
      `Sec-WebSocket-Protocol: ragfleet.v1, bearer.${KEY}\r\n`,
    );
    socket.destroy();
    expect(status).toBe(101);
    expect(head).toMatch(/\r\nsec-websocket-protocol: ragfleet\.v1(\r\n|$)/i);
    expect(head).not.toContain(KEY);
  });

  it('refuses a wrong bearer (401), a missing ragfleet.v1 (400) and two credentials at once (401)', async () => {
    expect(await refusedStatus(gateway.wsUrl, ['ragfleet.v1', 'bearer.rf_wrong'])).toBe(401);
    expect(await refusedStatus(gateway.wsUrl, [`bearer.${KEY}`])).toBe(400);
    expect(await refusedStatus(gateway.wsUrl, ['ragfleet.v1'])).toBe(401);
    expect(
      await refusedStatus(gateway.wsUrl, ['ragfleet.v1', `bearer.${KEY}`], {
        authorization: `Bearer ${KEY}`,
      }),
    ).toBe(401);
  });

  it('opens one socket with a ticket, as the ticket’s caller, and never a second', async () => {
    const issued = await ticket(gateway);
    const client = await new WsClient(`${gateway.wsUrl}?ticket=${issued}`).open();
    expect(await askOnce(client, 'ticketed')).toMatchObject({ type: 'done' });
    expect(gateway.upstreams.lastCall('Answer')).toMatchObject({ tenant: 'tenant-web', user: 'bea' });
    client.socket.close();
    expect(await refusedStatus(`${gateway.wsUrl}?ticket=${issued}`)).toBe(401);
    expect(await refusedStatus(`${gateway.wsUrl}?ticket=wst_made_up`)).toBe(401);
  });

  it('refuses a ticket past its time, and issues none without a credential', async () => {
    const issued = await ticket(gateway);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await refusedStatus(`${gateway.wsUrl}?ticket=${issued}`)).toBe(401);
    expect((await fetch(`${gateway.url}/v1/ws/tickets`, { method: 'POST' })).status).toBe(401);
  });

  it('checks the key behind a ticket at every ask: a revoked key closes the socket 4401', async () => {
    const { key, record } = await keys.create({ tenant: 'tenant-web', tier: 'free' });
    const client = await new WsClient(`${gateway.wsUrl}?ticket=${await ticket(gateway, key)}`).open();
    expect(await askOnce(client, 'before')).toMatchObject({ type: 'done' });
    await keys.revoke(record.id);
    expect(await askOnce(client, 'after')).toMatchObject({
      type: 'error',
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await client.closed).code).toBe(4401);
  });
});

describe('tickets across gateway replicas', () => {
  it('are issued by one replica, spent on another, once (Redis)', async () => {
    const prefix = `test:ws-tickets:${uniqueSuffix()}:`;
    const redis = new Redis(REDIS_URL);
    const store = new RedisTicketStore(redis, prefix);
    const keys = keyDirectory();
    const [one, two] = await Promise.all([
      startWsTestGateway({ admission: admissionWith(keys), ticketStore: store }),
      startWsTestGateway({ admission: admissionWith(keys), ticketStore: store }),
    ]);
    try {
      const issued = await ticket(one);
      expect(await redis.keys(`${prefix}*`)).toHaveLength(1);
      expect((await redis.keys(`${prefix}*`))[0]).not.toContain(issued);
      const client = await new WsClient(`${two.wsUrl}?ticket=${issued}`).open();
      expect(await askOnce(client, 'elsewhere')).toMatchObject({ type: 'done' });
      client.socket.close();
      expect(await refusedStatus(`${one.wsUrl}?ticket=${issued}`)).toBe(401);
      expect(await redis.keys(`${prefix}*`)).toHaveLength(0);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
      await redis.quit();
    }
  });
});
