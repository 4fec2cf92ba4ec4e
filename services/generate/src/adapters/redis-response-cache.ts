import type { Redis } from 'ioredis';
import { isCachedAnswer, type CachedAnswer, type ResponseCache } from '../domain/response-cache.ts';

export interface RedisResponseCacheOptions {
  redis: Redis;
  /** Prepended to every key, so several fleets (or tests) can share one Redis. */
  keyPrefix: string;
  ttlSeconds: number;
}

/** The shared cache (REDIS_URL): an answer any replica wrote serves every replica. */
export class RedisResponseCache implements ResponseCache {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #ttlSeconds: number;

  constructor(options: RedisResponseCacheOptions) {
    this.#redis = options.redis;
    this.#prefix = options.keyPrefix;
    this.#ttlSeconds = options.ttlSeconds;
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const stored = await this.#redis.get(this.#prefix + key);
    if (stored === null) return undefined;
    try {
      const value: unknown = JSON.parse(stored);
      return isCachedAnswer(value) ? value : undefined;
    } catch {
      return undefined; // not an entry this code wrote: a miss, and the next answer overwrites it
    }
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    await this.#redis.set(this.#prefix + key, JSON.stringify(answer), 'EX', this.#ttlSeconds);
  }
}
