import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { freePort, uniqueSuffix } from '@ragfleet/testing';
import { FailOpenCache } from '../src/adapters/fail-open-cache.ts';
import { connectRedis } from '../src/adapters/redis-client.ts';
import { RedisEmbeddingCache } from '../src/adapters/redis-embedding-cache.ts';
import { embeddingCacheKey } from '../src/domain/embedding-cache.ts';
import { embeddingCacheContract } from './embedding-cache-contract.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:embed:${uniqueSuffix()}:`;
let redis: Redis;

beforeAll(async () => {
  redis = await connectRedis({ url: REDIS_URL });
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

embeddingCacheContract('Redis', () => new RedisEmbeddingCache({ redis, keyPrefix: prefix, ttlSeconds: 60 }));

describe('RedisEmbeddingCache', () => {
  it('stores vectors as float32 bytes under the prefix, with a TTL, and reads them back in key order', async () => {
    const cache = new RedisEmbeddingCache({ redis, keyPrefix: prefix, ttlSeconds: 60 });
    const first = Float32Array.from([0.25, -0.5, 1e-7]);
    const second = Float32Array.from([3, 2, 1]);
    const firstKey = embeddingCacheKey('m', 'first');
    const secondKey = embeddingCacheKey('m', 'second');
    await cache.setMany([
      { key: firstKey, vector: first },
      { key: secondKey, vector: second },
    ]);

    const values = await cache.getMany([secondKey, embeddingCacheKey('m', 'absent'), firstKey]);
    expect(values.map((value) => (value ? Array.from(value) : undefined))).toEqual([
      Array.from(second),
      undefined,
      Array.from(first),
    ]);
    expect((await redis.getBuffer(prefix + firstKey))?.byteLength).toBe(12);
    const ttl = await redis.ttl(prefix + firstKey);
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('reads a vector stored from a subarray of a larger buffer', async () => {
    const cache = new RedisEmbeddingCache({ redis, keyPrefix: prefix, ttlSeconds: 60 });
    const rows = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const key = embeddingCacheKey('m', 'row two');
    await cache.setMany([{ key, vector: rows.subarray(3, 6) }]);
    const [value] = await cache.getMany([key]);
    expect(Array.from(value!)).toEqual([4, 5, 6]);
  });
});

describe('FailOpenCache over an unreachable Redis', () => {
  it('answers misses quickly and logs the outage once', async () => {
    const port = await freePort();
    const down = await connectRedis({ url: `redis://127.0.0.1:${port}`, connectWaitMs: 200 });
    const warnings: string[] = [];
    const logger = { warn: (_: object, message: string) => warnings.push(message), info: () => {} };
    const cache = new FailOpenCache(
      new RedisEmbeddingCache({ redis: down, keyPrefix: prefix, ttlSeconds: 60 }),
      logger,
    );
    try {
      const started = performance.now();
      expect(await cache.getMany(['a', 'b'])).toEqual([undefined, undefined]);
      await cache.setMany([{ key: 'a', vector: Float32Array.from([1]) }]);
      expect(await cache.getMany(['a'])).toEqual([undefined]);
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(warnings).toHaveLength(1);
    } finally {
      down.disconnect();
    }
  });
});
