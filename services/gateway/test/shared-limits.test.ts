import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, stopProcess, uniqueSuffix, waitFor } from '@ragfleet/testing';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { hashApiKey } from '../src/auth/api-keys.ts';
import type { Identity } from '../src/auth/identity.ts';
import { createRequestLimiter } from '../src/rate-limit/create-limiter.ts';
import { connectRedis } from '../src/rate-limit/redis-connection.ts';
import { redisProxy } from './support/redis-proxy.ts';
import { startGatewayProcess } from './support/gateway-process.ts';
import { TenantScopedUpstreams } from './support/tenant-scoped-upstreams.ts';

/*
 * Limits shared through Redis: two gateway processes, one Redis, one key; and the per-process
 * fallback while Redis is unreachable, with the switch back when it returns.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const suffix = uniqueSuffix();
const PREFIX = `ragfleet:test:${suffix}:`;
const LIMIT = 50;
const FREE_KEY = `rf_shared_${suffix}`;
const ADMIN_TOKEN = `admin-${suffix}-0123456789`;

const dir = mkdtempSync(join(tmpdir(), 'ragfleet-limits-'));
const redis = new Redis(REDIS_URL);
let upstreams: TenantScopedUpstreams;
const gateways: Array<{ child: ChildProcess; url: string }> = [];

async function startGateway(upstreamAddress: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const { child } = await startGatewayProcess({
    port,
    upstream: upstreamAddress,
    env: {
      REDIS_URL,
      GATEWAY_API_KEYS_FILE: join(dir, 'keys.yaml'),
      GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN,
      GATEWAY_KEYS_PREFIX: `${PREFIX}keys:`,
      GATEWAY_RATE_LIMIT_PREFIX: `${PREFIX}rl:`,
      GATEWAY_RATE_LIMIT_FREE_PER_MINUTE: String(LIMIT),
      GATEWAY_KEY_CACHE_MS: '0',
    },
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  writeFileSync(
    join(dir, 'keys.yaml'),
    `keys:\n  - id: shared-free\n    hash: ${hashApiKey(FREE_KEY)}\n    tenant: tenant-s\n    tier: free\n`,
  );
  upstreams = new TenantScopedUpstreams();
  const address = await upstreams.start();
  gateways.push(...(await Promise.all([startGateway(address), startGateway(address)])));
}, 60_000);

afterAll(async () => {
  await Promise.all(gateways.map(({ child }) => stopProcess(child)));
  await upstreams.stop();
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('two gateway processes sharing one Redis', () => {
  it(`admit no more than ${LIMIT} requests per minute for one key, hammered together`, async () => {
    const hammer = (url: string) =>
      Array.from({ length: 200 }, () =>
        fetch(`${url}/v1/jobs/nothing`, { headers: { 'x-api-key': FREE_KEY } }).then(async (response) => {
          await response.body?.cancel();
          return response.status;
        }),
      );
    const statuses = await Promise.all(gateways.flatMap(({ url }) => hammer(url)));
    const admitted = statuses.filter((status) => status !== 429).length;
    const refused = statuses.filter((status) => status === 429).length;
    // Admitted requests reach the upstream, which does not know the job: 404.
    expect(new Set(statuses)).toEqual(new Set([404, 429]));
    console.log(
      `shared limit ${LIMIT}/min, 2 x 200 concurrent: admitted ${admitted}, refused ${refused}, overshoot ${admitted - LIMIT}`,
    );
    expect(admitted).toBe(LIMIT);
  }, 30_000);

  it('lets a key created on one replica work on the other at once', async () => {
    const [first, second] = gateways;
    const created = await fetch(`${first?.url}/v1/admin/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'tenant-r', tier: 'standard' }),
    });
    expect(created.status).toBe(201);
    const { key, api_key } = (await created.json()) as { key: string; api_key: { id: string } };
    const search = () =>
      fetch(`${second?.url}/v1/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'x' }),
      });
    expect((await search()).status).toBe(200);
    // Stored hashed: the clear key appears nowhere in Redis.
    const stored = await redis.get(`${PREFIX}keys:id:${api_key.id}`);
    expect(stored).toBe(hashApiKey(key));
    const revoked = await fetch(`${first?.url}/v1/admin/keys/${api_key.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(revoked.status).toBe(200);
    expect((await search()).status).toBe(401);
  }, 15_000);
});

describe('Redis unreachable', () => {
  it('keeps limiting per process, exports it, and goes back to Redis when it returns', async () => {
    const port = await freePort();
    const proxy = redisProxy(REDIS_URL, port);
    const registry = createMetricsRegistry('gateway');
    const client = connectRedis(`redis://127.0.0.1:${port}`, createLogger('gateway', 'silent'));
    const prefix = `${PREFIX}fallback:`;
    const limiter = createRequestLimiter({
      redis: client,
      settings: {
        perMinute: { free: 3, standard: 3, premium: 3, enterprise: 10_000 },
        perDay: 1_000,
        maxConcurrentStreams: 1,
        prefix,
        timeoutMs: 250,
        streamLeaseMs: 60_000,
      },
      logger: createLogger('gateway', 'silent'),
      registry,
    });
    const caller: Identity = {
      tenant: 't',
      user: 'u',
      tier: 'free',
      scopes: ['*'],
      keyId: 'k',
      method: 'api_key',
    };
    const metric = async (name: string) => (await registry.getSingleMetric(name)?.get())?.values[0]?.value;
    try {
      // Nothing listens on the port: the per-process limiter decides, and still limits.
      const down = [];
      for (let i = 0; i < 4; i++) down.push((await limiter.consume(caller)).allowed);
      expect(down).toEqual([true, true, true, false]);
      expect(await metric('ragfleet_gateway_ratelimit_fallback_active')).toBe(1);
      expect(await metric('ragfleet_gateway_ratelimit_fallback_switches_total')).toBe(1);
      const lease = await limiter.acquireStream(caller);
      expect(lease.decision.allowed).toBe(true);
      lease.release();

      await proxy.start();
      await waitFor(() => client.status === 'ready', 10_000);
      // The three admitted while it was away are carried over: the shared window is spent too.
      const back = await limiter.consume(caller);
      expect(back).toMatchObject({ allowed: false, limit: 3, remaining: 0 });
      expect(await metric('ragfleet_gateway_ratelimit_fallback_active')).toBe(0);
      expect(await redis.exists(`${prefix}minute:free:t:k`)).toBe(1);

      // And away again: the next decision falls back at once instead of hanging.
      await proxy.stop();
      await waitFor(() => client.status !== 'ready', 5_000);
      const started = Date.now();
      expect((await limiter.consume(caller)).allowed).toBe(false);
      expect(Date.now() - started).toBeLessThan(300);
      expect(await metric('ragfleet_gateway_ratelimit_fallback_switches_total')).toBe(2);
    } finally {
      client.disconnect();
      await proxy.stop();
    }
  }, 30_000);
});
