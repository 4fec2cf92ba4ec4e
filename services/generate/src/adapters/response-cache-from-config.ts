import type { Lifecycle } from '@ragfleet/lifecycle';
import type { Registry } from '@ragfleet/telemetry';
import type { GenerateConfig } from '../config.ts';
import type { ResponseCache } from '../domain/response-cache.ts';
import { CountedResponseCache } from './counted-response-cache.ts';
import { MemoryResponseCache } from './memory-response-cache.ts';
import { connectRedis } from './redis-client.ts';
import { RedisResponseCache } from './redis-response-cache.ts';

/** The response cache the configuration asks for: none, Redis (REDIS_URL) or the embedded LRU. */
export async function responseCacheFromConfig(
  config: Pick<
    GenerateConfig,
    'RESPONSE_CACHE_ENTRIES' | 'REDIS_URL' | 'RESPONSE_CACHE_PREFIX' | 'RESPONSE_CACHE_TTL_SECONDS'
  >,
  registry: Registry,
  lifecycle: Pick<Lifecycle, 'onShutdown'>,
): Promise<{ cache: ResponseCache | undefined; kind: 'off' | 'redis' | 'memory' }> {
  if (config.RESPONSE_CACHE_ENTRIES === 0) return { cache: undefined, kind: 'off' };
  if (config.REDIS_URL) {
    const redis = await connectRedis(config.REDIS_URL);
    lifecycle.onShutdown('response cache redis', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
    const cache = new RedisResponseCache({
      redis,
      keyPrefix: config.RESPONSE_CACHE_PREFIX,
      ttlSeconds: config.RESPONSE_CACHE_TTL_SECONDS,
    });
    return { cache: new CountedResponseCache(cache, registry), kind: 'redis' };
  }
  const cache = new MemoryResponseCache({
    maxEntries: config.RESPONSE_CACHE_ENTRIES,
    ttlSeconds: config.RESPONSE_CACHE_TTL_SECONDS,
  });
  return { cache: new CountedResponseCache(cache, registry), kind: 'memory' };
}
