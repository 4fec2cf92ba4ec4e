import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort, stopProcess, uniqueSuffix, waitFor } from '@ragfleet/testing';
import { hashApiKey } from '../src/auth/api-keys.ts';
import { startGatewayProcess } from './support/gateway-process.ts';
import { redisProxy } from './support/redis-proxy.ts';
import { TenantScopedUpstreams } from './support/tenant-scoped-upstreams.ts';

/*
 * Two gateway processes share a per-minute limit through Redis, reached through a proxy that the
 * test cuts (an outage) and restores after emptying the limit keys (a Redis that restarted with
 * nothing). Before, each replica counted the whole limit alone during the outage and Redis came
 * back empty: up to 4x the limit in one minute. Now: each replica's share during the outage, and
 * its counts carried over when Redis returns.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const suffix = uniqueSuffix();
const PREFIX = `ragfleet:test:${suffix}:`;
const LIMIT = 20;
const KEY = `rf_outage_${suffix}`;

const dir = mkdtempSync(join(tmpdir(), 'ragfleet-outage-'));
const redis = new Redis(REDIS_URL);
let upstreams: TenantScopedUpstreams;
let proxy: ReturnType<typeof redisProxy>;
const gateways: Array<{ child: ChildProcess; url: string }> = [];

beforeAll(async () => {
  writeFileSync(
    join(dir, 'keys.yaml'),
    `keys:\n  - id: outage\n    hash: ${hashApiKey(KEY)}\n    tenant: tenant-o\n    tier: free\n`,
  );
  upstreams = new TenantScopedUpstreams();
  const address = await upstreams.start();
  const proxyPort = await freePort();
  proxy = redisProxy(REDIS_URL, proxyPort);
  await proxy.start();
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const { child } = await startGatewayProcess({
      port,
      upstream: address,
      env: {
        REDIS_URL: `redis://127.0.0.1:${proxyPort}`,
        GATEWAY_API_KEYS_FILE: join(dir, 'keys.yaml'),
        GATEWAY_RATE_LIMIT_PREFIX: `${PREFIX}rl:`,
        GATEWAY_KEYS_PREFIX: `${PREFIX}keys:`,
        GATEWAY_RATE_LIMIT_FREE_PER_MINUTE: String(LIMIT),
        GATEWAY_RATE_LIMIT_TIMEOUT_MS: '200',
        GATEWAY_REPLICA_HEARTBEAT_MS: '200',
      },
    });
    gateways.push({ child, url: `http://127.0.0.1:${port}` });
  }
  // Both replicas have seen each other in the replica count.
  await waitFor(async () => (await redis.zcard(`${PREFIX}rl:replicas`)) === 2, 10_000);
  await new Promise((resolve) => setTimeout(resolve, 500));
}, 60_000);

afterAll(async () => {
  await Promise.all(gateways.map(({ child }) => stopProcess(child)));
  await proxy.stop();
  await upstreams.stop();
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

/** Sends `count` requests spread over both replicas, in turn; answers how many were admitted. */
async function admitted(count: number): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < count; i++) {
    const { url } = gateways[i % gateways.length] as { url: string };
    const response = await fetch(`${url}/v1/jobs/nothing`, { headers: { 'x-api-key': KEY } });
    await response.body?.cancel();
    if (response.status !== 429) allowed++;
  }
  return allowed;
}

describe('rate limits around a Redis outage', () => {
  it(`admit at most twice the limit (${2 * LIMIT}) in the minute of the outage, however it ends`, async () => {
    const before = await admitted(LIMIT + 10);
    expect(before).toBe(LIMIT);

    await proxy.stop();
    const during = await admitted(3 * LIMIT);

    // Redis comes back, and empty: what it counted before the outage is gone.
    const limitKeys = await redis.keys(`${PREFIX}rl:minute:*`);
    if (limitKeys.length > 0) await redis.del(...limitKeys);
    await proxy.start();
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // both replicas reconnected
    const after = await admitted(3 * LIMIT);

    const total = before + during + after;
    console.log(
      `limit ${LIMIT}/min, 2 replicas: admitted ${before} before, ${during} during the outage, ` +
        `${after} after (Redis back empty): ${total} in the minute, ${(total / LIMIT).toFixed(2)}x the limit`,
    );
    // Each replica admits its half alone; together, one limit.
    expect(during).toBeLessThanOrEqual(LIMIT);
    expect(during).toBeGreaterThan(0);
    // The outage's counts are carried into the empty Redis, so the window does not open again.
    expect(during + after).toBeLessThanOrEqual(LIMIT);
    expect(total).toBeLessThanOrEqual(2 * LIMIT);
  }, 60_000);
});
