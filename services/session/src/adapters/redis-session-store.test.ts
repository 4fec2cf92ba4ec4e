import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { freePort, uniqueSuffix } from '@ragfleet/testing';
import { sessionStoreContract } from '../domain/session-store.contract.ts';
import { RedisSessionStore } from './redis-session-store.ts';

/* The contract on the machine's Redis: a unique key prefix per store, every key removed after. */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

sessionStoreContract('RedisSessionStore', async (timings) => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const keyPrefix = `ragfleet:test:session:${uniqueSuffix()}:`;
  const store = new RedisSessionStore(redis, { ...timings, keyPrefix });
  return {
    store,
    cleanup: async () => {
      await store.close();
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
});

describe('RedisSessionStore across replicas', () => {
  const owner = { tenant: 'acme', user: 'alice' };
  const keyPrefix = `ragfleet:test:session:${uniqueSuffix()}:`;
  const timings = { sessionTtlMs: 60_000, turnEventTtlMs: 5_000 };
  // Two clients and two stores, as two service replicas on one Redis.
  const redisA = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const redisB = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const replicaA = new RedisSessionStore(redisA, { ...timings, keyPrefix });
  const replicaB = new RedisSessionStore(redisB, { ...timings, keyPrefix });

  afterAll(async () => {
    const keys = await redisA.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redisA.del(...keys);
    redisA.disconnect();
    redisB.disconnect();
  });

  it('follows on one replica a turn that runs on the other, and shares its lock', async () => {
    const session = { ...owner, sessionId: (await replicaA.create(owner, { labels: [] })).id };
    const { turnId } = await replicaA.beginTurn(session, 10_000);
    await expect(replicaB.beginTurn(session, 10_000)).rejects.toMatchObject({ code: 'CONFLICT' });
    await replicaA.appendTurnEvent(session, turnId, { type: 'token', text: 'a' });
    const followed = (async () => {
      const seen: number[] = [];
      for await (const item of replicaB.followTurn(session, turnId, 0, { timeoutMs: 5_000 }))
        seen.push(item.seq);
      return seen;
    })();
    for (let n = 0; n < 10; n++)
      await replicaA.appendTurnEvent(session, turnId, { type: 'token', text: `${n}` });
    await replicaA.appendTurnEvent(session, turnId, { type: 'done' });
    expect(await followed).toEqual(Array.from({ length: 12 }, (_, n) => n + 1));
    await replicaB.beginTurn(session, 10_000);
  });

  it('keeps every key under the prefix, with the session and turn TTLs on them', async () => {
    const session = { ...owner, sessionId: (await replicaA.create(owner, { labels: [] })).id };
    await replicaA.appendMessage(session, { role: 'user', content: 'hi' });
    const { turnId } = await replicaA.beginTurn(session, 10_000);
    await replicaA.appendTurnEvent(session, turnId, { type: 'token' });
    const base = `${keyPrefix}session:${session.sessionId}`;
    for (const key of [base, `${base}:messages`, `${keyPrefix}sessions:acme:alice`]) {
      const ttl = await redisA.pttl(key);
      expect({ key, ok: ttl > 50_000 && ttl <= 60_000 }).toEqual({ key, ok: true });
    }
    const turnTtl = await redisA.pttl(`${base}:turn:${turnId}`);
    expect(turnTtl).toBeGreaterThan(0);
    expect(turnTtl).toBeLessThanOrEqual(5_000);
  });
});

describe('RedisSessionStore with Redis away', () => {
  it('fails with a retryable SERVICE_UNAVAILABLE, never a NOT_FOUND', async () => {
    const port = await freePort();
    const redis = new Redis(`redis://127.0.0.1:${port}`, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => {});
    const store = new RedisSessionStore(redis, {
      sessionTtlMs: 1_000,
      turnEventTtlMs: 1_000,
      keyPrefix: 'ragfleet:test:away:',
    });
    const session = { tenant: 'acme', user: 'alice', sessionId: 'x' };
    for (const call of [store.get(session), store.appendMessage(session, { role: 'user', content: 'q' })]) {
      await expect(call).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    }
    redis.disconnect();
  });
});
