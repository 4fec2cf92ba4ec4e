import { Redis } from 'ioredis';
import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { MemorySessionStore } from './adapters/memory-session-store.ts';
import { RedisSessionStore } from './adapters/redis-session-store.ts';
import type { SessionConfig } from './config.ts';
import type { SessionStore } from './domain/session-store.ts';
import { sessionHandlers } from './grpc/session-handlers.ts';
import { turnsNotServed } from './grpc/turns-not-served.ts';

/** Redis when REDIS_URL is set (replicas share it), else the embedded store with its sweep. */
function openStore({ lifecycle, logger }: ServiceKit, config: SessionConfig): SessionStore {
  if (config.REDIS_URL) {
    // Commands fail fast while Redis is away (the store answers SERVICE_UNAVAILABLE, retryable)
    // instead of queueing behind a reconnect; the client keeps reconnecting in the background.
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    redis.on('error', (error: Error) => logger.warn({ err: error.message }, 'session redis error'));
    lifecycle.onShutdown('session redis', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
    const store = new RedisSessionStore(redis, { ...config.timings, keyPrefix: config.SESSION_KEY_PREFIX });
    lifecycle.onShutdown('session store', () => store.close());
    return store;
  }
  const store = new MemorySessionStore(config.timings);
  lifecycle.onShutdown('session store', () => store.close());
  // sweep() is synchronous, so two runs can never overlap; the timer does not keep the process alive.
  const sweeping = setInterval(() => {
    const swept = store.sweep();
    if (swept > 0) logger.debug({ swept }, 'expired sessions swept');
  }, config.SESSION_SWEEP_INTERVAL_MS);
  sweeping.unref();
  lifecycle.onShutdown('session sweep', async () => clearInterval(sweeping));
  return store;
}

/** The session service's composition root: the store by config and the SessionService handlers. */
export async function compose(kit: ServiceKit, config: SessionConfig): Promise<void> {
  const store = openStore(kit, config);
  kit.server.addService('ragfleet.session.v1.SessionService', protos.session().SessionService.service, {
    ...sessionHandlers(store),
    ...turnsNotServed(),
  });
  kit.logger.info({ store: config.REDIS_URL ? 'redis' : 'memory' }, 'session store ready');
}
