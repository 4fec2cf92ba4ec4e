import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Logger, Registry } from '@ragfleet/telemetry';
import { TIERS, type Tier } from '../auth/identity.ts';
import { FailoverCounter } from './failover-counter.ts';
import { RequestLimiter } from './request-limiter.ts';
import { StoreHealth } from './store-health.ts';
import { MemoryStreamSlots, RedisStreamSlots } from './stream-slots.ts';

export interface LimitSettings {
  perMinute: Record<Tier, number>;
  perDay: number;
  maxConcurrentStreams: number;
  /** Prefix of every Redis key the limits write (tests give each run its own). */
  prefix: string;
  /** A Redis call slower than this counts as a failure and the fallback decides. */
  timeoutMs: number;
  /** How long a stream slot survives a gateway that died without releasing it. */
  streamLeaseMs: number;
}

export interface LimiterDeps {
  /** Shared counters; without it, limits are per process. */
  redis?: Redis;
  settings: LimitSettings;
  logger: Logger;
  registry: Registry;
}

function failoverCounter(
  deps: LimiterDeps,
  health: StoreHealth,
  name: string,
  points: number,
  duration: number,
) {
  const { redis, settings } = deps;
  const keyPrefix = `${settings.prefix}${name}`;
  return new FailoverCounter({
    shared: redis ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration }) : undefined,
    local: new RateLimiterMemory({ keyPrefix, points, duration }),
    sharedReady: () => redis?.status === 'ready',
    health,
    timeoutMs: settings.timeoutMs,
  });
}

export function createRequestLimiter(deps: LimiterDeps): RequestLimiter {
  const { redis, settings } = deps;
  const health = new StoreHealth(deps.logger, deps.registry);
  const perMinute = Object.fromEntries(
    TIERS.map((tier) => [
      tier,
      failoverCounter(deps, health, `minute:${tier}`, settings.perMinute[tier], 60),
    ]),
  ) as Record<Tier, FailoverCounter>;
  return new RequestLimiter({
    perMinute,
    perDay: failoverCounter(deps, health, 'day', settings.perDay, 86_400),
    maxConcurrentStreams: settings.maxConcurrentStreams,
    shared: redis
      ? new RedisStreamSlots(redis, `${settings.prefix}streams:`, settings.streamLeaseMs)
      : undefined,
    local: new MemoryStreamSlots(),
    sharedReady: () => redis?.status === 'ready',
    health,
    timeoutMs: settings.timeoutMs,
    renewEveryMs: Math.max(1_000, Math.floor(settings.streamLeaseMs / 2)),
  });
}
