import { once } from 'node:events';
import { Redis } from 'ioredis';
import { GenerateClient } from '@ragfleet/grpc';
import { startPeriodicTask } from '@ragfleet/lifecycle';
import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { MemorySessionStore } from './adapters/memory-session-store.ts';
import { RedisSessionStore } from './adapters/redis-session-store.ts';
import type { SessionConfig } from './config.ts';
import type { SessionStore } from './domain/session-store.ts';
import { GenerateAnswerer } from './adapters/generate-answerer.ts';
import { gptTokenCounter } from './adapters/gpt-token-counter.ts';
import { RollingSummary } from './domain/turns/rolling-summary.ts';
import { TurnEngine } from './domain/turns/turn-engine.ts';
import { sessionHandlers } from './grpc/session-handlers.ts';
import { turnHandlers } from './grpc/turn-handlers.ts';
import { sessionMetrics } from './session-metrics.ts';

const REDIS_CONNECT_WAIT_MS = 5_000;

/** Redis when REDIS_URL is set (replicas share it), else the embedded store with its sweep. */
async function openStore({ lifecycle, logger }: ServiceKit, config: SessionConfig): Promise<SessionStore> {
  if (config.REDIS_URL) {
    // Commands fail fast while Redis is away (the store answers SERVICE_UNAVAILABLE, retryable)
    // instead of queueing behind a reconnect; the client keeps reconnecting in the background.
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    redis.on('error', (error: Error) => logger.warn({ err: error.message }, 'session redis error'));
    lifecycle.onShutdown('session redis', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
    // Without an offline queue, a call made before the first connection fails: serve once
    // connected, or after a bound, still starting (calls then answer SERVICE_UNAVAILABLE).
    const connected = await Promise.race([
      once(redis, 'ready').then(
        () => true,
        () => false, // an 'error' first: Redis is away now
      ),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), REDIS_CONNECT_WAIT_MS).unref()),
    ]);
    if (!connected) logger.warn('session redis not reachable yet: sessions are unavailable until it is');
    const store = new RedisSessionStore(redis, { ...config.timings, keyPrefix: config.SESSION_KEY_PREFIX });
    lifecycle.onShutdown('session store', () => store.close());
    return store;
  }
  const store = new MemorySessionStore(config.timings);
  lifecycle.onShutdown('session store', () => store.close());
  const sweeping = startPeriodicTask(
    'session sweep',
    config.SESSION_SWEEP_INTERVAL_MS,
    async () => {
      const swept = store.sweep();
      if (swept > 0) logger.debug({ swept }, 'expired sessions swept');
    },
    logger,
  );
  lifecycle.onShutdown('session sweep', () => sweeping.stop());
  return store;
}

/**
 * The session service's composition root: the store by config, generate's client (signing as
 * session, on behalf of each turn's caller), the turn engine with its rolling summary and
 * metrics, and the SessionService handlers.
 */
export async function compose(kit: ServiceKit, config: SessionConfig): Promise<void> {
  const store = await openStore(kit, config);
  const generate = new GenerateClient(config.GENERATE_ADDR, {
    transport: kit.transport,
    registry: kit.registry,
  });
  kit.lifecycle.onShutdown('generate client', async () => generate.close());
  const turnTimeoutMs = config.SESSION_TURN_TIMEOUT_SECONDS * 1_000;
  const answerer = new GenerateAnswerer(generate, turnTimeoutMs);
  const observer = sessionMetrics(kit.registry, store);
  const engine = new TurnEngine({
    store,
    answerer,
    observer,
    logger: kit.logger,
    countTokens: gptTokenCounter,
    contextTokens: config.SESSION_CONTEXT_TOKENS,
    maxMessageChars: config.SESSION_MAX_MESSAGE_CHARS,
    turnTimeoutMs,
    summary: new RollingSummary({
      store,
      answerer,
      observer,
      logger: kit.logger,
      enabled: config.SESSION_SUMMARY_ENABLED,
      triggerMessages: config.SESSION_SUMMARY_TRIGGER_MESSAGES,
      batchMessages: config.SESSION_SUMMARY_BATCH_MESSAGES,
      windowMessages: config.SESSION_WINDOW_MESSAGES,
      maxWords: config.SESSION_SUMMARY_MAX_WORDS,
      timeoutMs: config.SESSION_SUMMARY_TIMEOUT_SECONDS * 1_000,
    }),
  });
  // Turns run apart from their callers' calls: a stop lets them finish (or end them with an event).
  kit.lifecycle.onDrain(() => engine.drain(8_000));
  kit.server.addService('ragfleet.session.v1.SessionService', protos.session().SessionService.service, {
    ...sessionHandlers(store),
    ...turnHandlers(engine, store),
  });
  kit.logger.info({ store: config.REDIS_URL ? 'redis' : 'memory' }, 'session store ready');
}
