import type { Identity, Tier } from '../auth/identity.ts';
import { bindingDecision, type LimitDecision } from './decision.ts';
import type { FailoverCounter, WindowResult } from './failover-counter.ts';
import type { RefusalObserver } from './ratelimit-metrics.ts';
import { newLeaseId, type StreamSlots } from './stream-slots.ts';
import type { StoreHealth } from './store-health.ts';
import { withTimeout } from './with-timeout.ts';

/** `minute`: requests per minute per key; `day`: requests per day per user; `request`: both. */
export type LimitKind = 'minute' | 'day' | 'request';

export interface StreamLease {
  decision: LimitDecision;
  /** Idempotent; call when the stream ends or the client goes away. */
  release(): void;
}

export interface RequestLimiterOptions {
  perMinute: Record<Tier, FailoverCounter>;
  perDay: FailoverCounter;
  maxConcurrentStreams: number;
  shared?: StreamSlots;
  local: StreamSlots;
  sharedReady: () => boolean;
  health: StoreHealth;
  /** Replicas sharing the limits; each holds only its share of stream slots while Redis is away. */
  replicas: () => number;
  timeoutMs: number;
  /** Leases are renewed this often while held (half the lease TTL). */
  renewEveryMs: number;
  /** Stops what the limiter runs in the background (the replica heartbeat). */
  onClose?: () => void;
  /** Told of every refusal, with the window that refused (the gateway's metrics). */
  onRefused?: RefusalObserver;
}

function windowDecision(result: WindowResult): LimitDecision {
  return {
    allowed: result.allowed,
    limit: result.limit,
    remaining: result.remaining,
    resetMs: result.msBeforeNext,
    retryAfterMs: result.allowed ? 0 : Math.max(1, result.msBeforeNext),
  };
}

/**
 * The gateway's limits, in one API shared by HTTP and WebSocket: requests per minute per key (by
 * tier), requests per day per user, and concurrent streams per key. Counters live in Redis, so
 * every replica sees the same numbers, and fall back to this process while Redis is away.
 */
export class RequestLimiter {
  readonly #options: RequestLimiterOptions;

  constructor(options: RequestLimiterOptions) {
    this.#options = options;
  }

  async consume(identity: Identity, kind: LimitKind = 'request'): Promise<LimitDecision> {
    const minuteKey = `${identity.tenant}:${identity.keyId}`;
    const dayKey = `${identity.tenant}:${identity.user}`;
    const minute = this.#options.perMinute[identity.tier];
    // Development-mode callers are nobody in particular: no daily quota for "anonymous".
    const metered = identity.method !== 'anonymous';
    const refused = this.#options.onRefused ?? (() => {});
    if (kind === 'minute' || (kind === 'request' && !metered)) {
      const decision = windowDecision(await minute.consume(minuteKey));
      if (!decision.allowed) refused('minute', identity.tier);
      return decision;
    }
    if (kind === 'day') {
      const decision = windowDecision(await this.#options.perDay.consume(dayKey));
      if (!decision.allowed) refused('day', identity.tier);
      return decision;
    }
    const [perMinute, perDay] = await Promise.all([
      minute.consume(minuteKey),
      this.#options.perDay.consume(dayKey),
    ]);
    // A request refused by one window must not use up the other.
    if (!perMinute.allowed && perDay.allowed) await this.#options.perDay.refund(dayKey);
    if (perMinute.allowed && !perDay.allowed) await minute.refund(minuteKey);
    if (!perMinute.allowed || !perDay.allowed) refused(perMinute.allowed ? 'day' : 'minute', identity.tier);
    return bindingDecision([windowDecision(perMinute), windowDecision(perDay)]);
  }

  close(): void {
    this.#options.onClose?.();
  }

  /** Takes one of the key's concurrent stream slots; check decision.allowed, then release when done. */
  async acquireStream(identity: Identity): Promise<StreamLease> {
    const { maxConcurrentStreams: limit } = this.#options;
    const key = `${identity.tenant}:${identity.keyId}`;
    const leaseId = newLeaseId();
    const { store, allowed, active } = await this.#acquire(key, limit, leaseId);
    const decision: LimitDecision = {
      allowed,
      limit,
      remaining: Math.max(0, limit - active),
      resetMs: 0,
      // Nobody knows when a stream ends: a second is a polite guess that does not hammer.
      retryAfterMs: allowed ? 0 : 1_000,
    };
    if (!allowed) {
      this.#options.onRefused?.('streams', identity.tier);
      return { decision, release: () => {} };
    }
    const renewal = setInterval(() => {
      store.renew(key, leaseId).catch(() => undefined);
    }, this.#options.renewEveryMs);
    renewal.unref();
    let released = false;
    return {
      decision,
      release: () => {
        if (released) return;
        released = true;
        clearInterval(renewal);
        // A release lost to a Redis outage is what the lease TTL is for.
        store.release(key, leaseId).catch(() => undefined);
      },
    };
  }

  async #acquire(key: string, limit: number, leaseId: string) {
    const { shared, local, sharedReady, health, timeoutMs } = this.#options;
    if (shared) {
      if (sharedReady()) {
        try {
          const result = await withTimeout(
            shared.acquire(key, limit, leaseId),
            timeoutMs,
            'stream slot store',
          );
          health.recovered();
          return { store: shared, ...result };
        } catch (error) {
          health.failed(error);
        }
      } else {
        health.failed(new Error('Redis connection is not ready'));
      }
    }
    // Alone (no Redis) this process holds every slot; cut off from Redis, only its share.
    const share = shared ? Math.ceil(limit / Math.max(1, this.#options.replicas())) : limit;
    return { store: local, ...(await local.acquire(key, share, leaseId)) };
  }
}
