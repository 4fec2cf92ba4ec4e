import { Redis } from 'ioredis';
import type { Logger } from '@ragfleet/telemetry';

/**
 * The gateway's Redis client (limits and admin-created keys). No offline queue: while Redis is
 * away a command fails at once and the fallback decides, instead of requests queueing behind a
 * reconnect. It keeps reconnecting in the background, so limits become shared again by themselves.
 */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    lazyConnect: false,
  });
  let reported = false;
  redis.on('error', (error: Error) => {
    // ioredis repeats the error on every reconnect attempt; StoreHealth logs the switch itself.
    if (!reported) logger.debug({ err: error.message }, 'redis connection error');
    reported = true;
  });
  redis.on('ready', () => (reported = false));
  return redis;
}
