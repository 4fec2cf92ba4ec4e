import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { uniqueSuffix } from '@ragfleet/testing';
import { Lifecycle } from '@ragfleet/lifecycle';
import { RedisResponseCache } from '../src/adapters/redis-response-cache.ts';
import { responseCacheFromConfig } from '../src/adapters/response-cache-from-config.ts';
import { loadGenerateConfig } from '../src/config.ts';
import type { CachedAnswer } from '../src/domain/response-cache.ts';

// The local Redis, under a prefix of this run's own (cleaned up after).
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `ragfleet-test:answer:${uniqueSuffix()}:`;
const ANSWER: CachedAnswer = {
  tokens: ['Answers', ' stream', ' [1].'],
  inputTokens: 120,
  outputTokens: 3,
  provider: 'ollama',
  model: 'llama3.2',
  finishReason: 'stop',
};
let redis: Redis;

beforeAll(() => {
  redis = new Redis(REDIS_URL);
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('RedisResponseCache', () => {
  it('keeps an answer under the prefix with the TTL, and reads it back whole', async () => {
    const cache = new RedisResponseCache({ redis, keyPrefix: prefix, ttlSeconds: 120 });
    expect(await cache.get('k1')).toBeUndefined();
    await cache.set('k1', ANSWER);
    expect(await cache.get('k1')).toEqual(ANSWER);
    const ttl = await redis.ttl(`${prefix}k1`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it('treats a value it did not write as a miss', async () => {
    const cache = new RedisResponseCache({ redis, keyPrefix: prefix, ttlSeconds: 120 });
    await redis.set(`${prefix}garbage`, 'not json');
    await redis.set(`${prefix}other`, JSON.stringify({ tokens: 'nope' }));
    expect(await cache.get('garbage')).toBeUndefined();
    expect(await cache.get('other')).toBeUndefined();
  });
});

describe('responseCacheFromConfig', () => {
  const lifecycle = () => new Lifecycle({ logger: createLogger('generate-test', 'silent') });
  const config = (env: Record<string, string>) => loadGenerateConfig({ NODE_ENV: 'test', ...env });

  it('defaults to an embedded LRU of 1000 answers for an hour', async () => {
    const defaults = config({});
    expect(defaults).toMatchObject({
      RESPONSE_CACHE_ENTRIES: 1000,
      RESPONSE_CACHE_TTL_SECONDS: 3600,
      RESPONSE_CACHE_PREFIX: 'ragfleet:answer:',
    });
    const chosen = await responseCacheFromConfig(defaults, createMetricsRegistry('t1'), lifecycle());
    expect(chosen.kind).toBe('memory');
    await chosen.cache?.set('k', ANSWER);
    expect(await chosen.cache?.get('k')).toEqual(ANSWER);
  });

  it('is off with RESPONSE_CACHE_ENTRIES=0, even with REDIS_URL', async () => {
    const chosen = await responseCacheFromConfig(
      config({ RESPONSE_CACHE_ENTRIES: '0', REDIS_URL }),
      createMetricsRegistry('t2'),
      lifecycle(),
    );
    expect(chosen).toEqual({ cache: undefined, kind: 'off' });
  });

  it('shares answers through Redis under RESPONSE_CACHE_PREFIX with RESPONSE_CACHE_TTL_SECONDS when REDIS_URL is set', async () => {
    const owner = lifecycle();
    const chosen = await responseCacheFromConfig(
      config({ REDIS_URL, RESPONSE_CACHE_PREFIX: prefix, RESPONSE_CACHE_TTL_SECONDS: '60' }),
      createMetricsRegistry('t3'),
      owner,
    );
    expect(chosen.kind).toBe('redis');
    await chosen.cache?.set('shared', ANSWER);
    expect(JSON.parse((await redis.get(`${prefix}shared`)) ?? 'null')).toEqual(ANSWER);
    expect(await redis.ttl(`${prefix}shared`)).toBeLessThanOrEqual(60);
    await owner.shutdown('test');
  });

  it('rejects a negative size', () => {
    expect(() => config({ RESPONSE_CACHE_ENTRIES: '-1' })).toThrow(/RESPONSE_CACHE_ENTRIES/);
  });
});
