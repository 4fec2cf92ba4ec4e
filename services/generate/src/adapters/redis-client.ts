import { once } from 'node:events';
import { Redis } from 'ioredis';

/**
 * A Redis connection tuned for a cache: commands fail fast while disconnected (no offline
 * queue, short timeout) so that an outage costs an answer milliseconds, not seconds; the client
 * keeps reconnecting in the background. Start-up waits a little for the first connection and
 * then goes on (lookups are misses until Redis is back).
 */
export async function connectRedis(url: string, connectWaitMs = 2_000): Promise<Redis> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  redis.on('error', () => {}); // each failed command is reported where it fails
  await once(redis, 'ready', { signal: AbortSignal.timeout(connectWaitMs) }).catch(() => undefined);
  return redis;
}
