import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Logger, Registry } from '@ragfleet/telemetry';
import { TIERS, type Tier } from '../auth/identity.ts';
import { FailoverCounter } from './failover-counter.ts';
import { rateLimitRefusals } from './ratelimit-metrics.ts';
import { ReplicaCount } from './replica-count.ts';
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
  /** The fewest gateway replicas to assume when dividing a limit during a Redis outage. */
  minReplicas?: number;
  /** How often this replica renews its place in the replica count (default 5 s). */
  replicaHeartbeatMs?: number;
  /** This replica's name in the replica count (default: a random one). */
  replicaId?: string;
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
  shared: { health: StoreHealth; replicas: () => number },
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
    health: shared.health,
    timeoutMs: settings.timeoutMs,
    replicas: shared.replicas,
  });
}

export function createRequestLimiter(deps: LimiterDeps): RequestLimiter {
  const { redis, settings } = deps;
  const health = new StoreHealth(deps.logger, deps.registry);
  const count = redis
    ? new ReplicaCount({
        redis,
        key: `${settings.prefix}replicas`,
        replicaId: settings.replicaId ?? randomUUID(),
        intervalMs: settings.replicaHeartbeatMs ?? 5_000,
        minimum: settings.minReplicas ?? 1,
      })
    : undefined;
  const replicas = () => count?.current ?? 1;
  const shared = { health, replicas };
  const perMinute = Object.fromEntries(
    TIERS.map((tier) => [
      tier,
      failoverCounter(deps, shared, `minute:${tier}`, settings.perMinute[tier], 60),
    ]),
  ) as Record<Tier, FailoverCounter>;
  const perDay = failoverCounter(deps, shared, 'day', settings.perDay, 86_400);
  // Redis is back: what was counted here meanwhile goes into the shared windows at once.
  redis?.on('ready', () => {
    for (const counter of [...Object.values(perMinute), perDay]) void counter.handBackAll();
  });
  return new RequestLimiter({
    perMinute,
    perDay,
    maxConcurrentStreams: settings.maxConcurrentStreams,
    shared: redis
      ? new RedisStreamSlots(redis, `${settings.prefix}streams:`, settings.streamLeaseMs)
      : undefined,
    local: new MemoryStreamSlots(),
    sharedReady: () => redis?.status === 'ready',
    health,
    replicas,
    timeoutMs: settings.timeoutMs,
    renewEveryMs: Math.max(1_000, Math.floor(settings.streamLeaseMs / 2)),
    onClose: () => count?.stop(),
    onRefused: rateLimitRefusals(deps.registry),
  });
}
