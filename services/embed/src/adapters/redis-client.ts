import { once } from 'node:events';
import { Redis } from 'ioredis';

export interface RedisClientOptions {
  url: string;
  /** How long start-up waits for a connection before going on without the cache. */
  connectWaitMs?: number;
  /** Errors are expected during an outage; the fail-open cache reports them, this only sees the raw events. */
  onError?: (error: Error) => void;
}

/**
 * A Redis connection tuned for a cache: commands fail fast while disconnected (no offline
 * queue, short timeout) so that an outage costs a request milliseconds, not seconds, while the
 * client keeps reconnecting in the background.
 */
export async function connectRedis(options: RedisClientOptions): Promise<Redis> {
  const redis = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  redis.on('error', options.onError ?? (() => {}));
  const ready = once(redis, 'ready', { signal: AbortSignal.timeout(options.connectWaitMs ?? 2_000) });
  await ready.catch(() => undefined);
  return redis;
}
