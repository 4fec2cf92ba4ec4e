import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { uniqueSuffix } from '@ragfleet/testing';
import { Admission } from '../src/admission/admission.ts';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { Authenticator } from '../src/auth/authenticator.ts';
import { KeyDirectory } from '../src/auth/key-directory.ts';
import { LocalRevocationChannel } from '../src/auth/key-revocations.ts';
import type { ApiKeyStore } from '../src/auth/key-record.ts';
import { MemoryKeyStore } from '../src/auth/memory-key-store.ts';
import { RedisKeyStore } from '../src/auth/redis-key-store.ts';
import { RedisRevocationChannel } from '../src/auth/redis-revocation-channel.ts';
import { createRequestLimiter } from '../src/rate-limit/create-limiter.ts';
import { startWsTestGateway, WsClient, type WsTestGateway } from './support/ws-gateway.ts';

/** The production path: the gateway's real authenticator and limiter behind /v1/ws. */
const FREE_KEY = 'rf_ws_free_key';
const SEARCH_ONLY_KEY = 'rf_ws_search_only';
const logger = createLogger('gateway', 'silent');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function directory(store: ApiKeyStore, options: Partial<ConstructorParameters<typeof KeyDirectory>[0]> = {}) {
  return new KeyDirectory({
    fileKeys: [
      {
        id: 'free',
        hash: hashApiKey(FREE_KEY),
        tenant: 'tenant-ws',
        user: 'wendy',
        tier: 'free',
        scopes: ['*'],
      },
      {
        id: 'search',
        hash: hashApiKey(SEARCH_ONLY_KEY),
        tenant: 'tenant-ws',
        user: 'sam',
        tier: 'free',
        scopes: ['search'],
      },
    ],
    store,
    cacheMs: 0,
    ...options,
  });
}

function admission(keys: KeyDirectory, perMinute = 1_000) {
  return new Admission({
    auth: new Authenticator({ keys, anonymousTier: 'premium' }),
    limiter: createRequestLimiter({
      settings: {
        perMinute: { free: perMinute, standard: 100, premium: 100, enterprise: 10_000 },
        perDay: 1_000,
        maxConcurrentStreams: 5,
        prefix: 'unused:',
        timeoutMs: 250,
        streamLeaseMs: 60_000,
      },
      logger,
      registry: createMetricsRegistry('gateway'),
    }),
  });
}

async function refused(url: string, headers: Record<string, string>) {
  const socket = new WebSocket(url, { headers });
  const [, response] = (await once(socket, 'unexpected-response')) as [
    unknown,
    NodeJS.ReadableStream & { statusCode: number; headers: Record<string, string> },
  ];
  let body = '';
  for await (const chunk of response) body += String(chunk);
  return { status: response.statusCode, headers: response.headers, body: JSON.parse(body) as unknown };
}

const ask = (client: WsClient, id: string) => {
  client.send({ type: 'rag', id, query: 'How do answers stream?' });
  return client.until((event) => event.id === id && ['done', 'error'].includes(String(event.type)));
};

describe('/v1/ws with the gateway authenticator and limiter', () => {
  let gateway: WsTestGateway;
  beforeAll(async () => {
    gateway = await startWsTestGateway({ admission: admission(directory(new MemoryKeyStore()), 2) });
  });
  afterAll(async () => {
    await gateway.stop();
  });

  it('refuses the upgrade without credentials (401, envelope, challenge) and without the rag scope (403)', async () => {
    const anonymous = await refused(gateway.wsUrl, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    expect((await refused(gateway.wsUrl, { 'x-api-key': SEARCH_ONLY_KEY })).status).toBe(403);
  });

  it('counts each ask against the key and refuses past the limit with retry_after in seconds', async () => {
    const client = await new WsClient(gateway.wsUrl, { authorization: `Bearer ${FREE_KEY}` }).open();
    expect(await ask(client, 'one')).toMatchObject({ type: 'done' });
    expect(await ask(client, 'two')).toMatchObject({ type: 'done' });
    const third = await ask(client, 'three');
    expect(third).toMatchObject({ type: 'error', error: { code: 'RATE_LIMITED', details: { limit: 2 } } });
    const { retry_after: retryAfter } = third.error as { retry_after: number };
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    client.socket.terminate();
  });

  it('asks upstream as the key tenant and user, never a header', async () => {
    const calls = gateway.upstreams.calls.filter((call) => call.method === 'Answer');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.tenant === 'tenant-ws' && call.user === 'wendy')).toBe(true);
  });
});

describe('a key revoked while its socket is open', () => {
  it('on this replica: the socket gets UNAUTHENTICATED and closes 4401 at once, however long the cache', async () => {
    const keys = directory(new MemoryKeyStore(), { cacheMs: 60_000 });
    const gateway = await startWsTestGateway({
      admission: admission(keys),
      revocations: (listener) => keys.onRevoked(listener),
    });
    try {
      const { key, record } = await keys.create({ tenant: 'tenant-ws', tier: 'free' });
      const client = await new WsClient(gateway.wsUrl, { authorization: `Bearer ${key}` }).open();
      expect(await ask(client, 'before')).toMatchObject({ type: 'done' });
      await keys.revoke(record.id);
      const { code, reason } = await client.closed;
      expect(code).toBe(4401);
      expect(reason).toBe('credentials no longer valid');
      expect(client.events.at(-1)).toMatchObject({ type: 'error', error: { code: 'UNAUTHENTICATED' } });
    } finally {
      await gateway.stop();
    }
  });

  it('on another replica, through Redis pub/sub: closed at once, not at the end of the cache window', async () => {
    const prefix = `test:ws-revoke:${uniqueSuffix()}:`;
    const redis = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    const channels = redis.map((client) => new RedisRevocationChannel(client, `${prefix}revoked`, logger));
    const [here, there] = redis.map(
      (client, index) =>
        directory(new RedisKeyStore(client, prefix), {
          cacheMs: 60_000,
          revocations: channels[index],
        }) as KeyDirectory,
    ) as [KeyDirectory, KeyDirectory];
    const gateway = await startWsTestGateway({
      admission: admission(here),
      revocations: (listener) => here.onRevoked(listener),
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // both subscriptions in place
      const { key, record } = await there.create({ tenant: 'tenant-ws', tier: 'free' });
      const client = await new WsClient(gateway.wsUrl, { 'x-api-key': key }).open();
      expect(await ask(client, 'before')).toMatchObject({ type: 'done' });
      const revokedAt = Date.now();
      await there.revoke(record.id);
      expect((await client.closed).code).toBe(4401);
      expect(Date.now() - revokedAt).toBeLessThan(2_000);
    } finally {
      await gateway.stop();
      await Promise.all(channels.map((channel) => channel.close()));
      await Promise.all(redis.map((client) => client.quit()));
    }
  });

  it('when the announcement is lost: the next ask after the cache window is refused and the socket closed', async () => {
    const shared = new MemoryKeyStore();
    // Two replicas over one store that do not hear each other's revocations.
    const here = directory(shared, { cacheMs: 300, revocations: new LocalRevocationChannel() });
    const there = directory(shared, { cacheMs: 300, revocations: new LocalRevocationChannel() });
    const gateway = await startWsTestGateway({ admission: admission(here) });
    try {
      const { key, record } = await there.create({ tenant: 'tenant-ws', tier: 'free' });
      const client = await new WsClient(gateway.wsUrl, { authorization: `Bearer ${key}` }).open();
      expect(await ask(client, 'before')).toMatchObject({ type: 'done' });
      await there.revoke(record.id);
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(await ask(client, 'after')).toMatchObject({ type: 'error', error: { code: 'UNAUTHENTICATED' } });
      expect((await client.closed).code).toBe(4401);
    } finally {
      await gateway.stop();
    }
  });
});
