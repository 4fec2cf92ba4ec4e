import { RateLimiterRes } from 'rate-limiter-flexible';
import type { StoreHealth } from './store-health.ts';
import { withTimeout } from './with-timeout.ts';

/** The part of a rate-limiter-flexible limiter used here (RateLimiterRedis, RateLimiterMemory). */
export interface PointLimiter {
  readonly points: number;
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  reward(key: string, points?: number): Promise<RateLimiterRes>;
}

export interface WindowResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  msBeforeNext: number;
}

export interface FailoverCounterOptions {
  /** The shared limiter (Redis); absent when the gateway runs without Redis. */
  shared?: PointLimiter;
  /** The per-process limiter used when there is no shared one or it fails. */
  local: PointLimiter;
  /** Cheap readiness check (ioredis `status === 'ready'`): skip a call bound to fail. */
  sharedReady: () => boolean;
  health: StoreHealth;
  timeoutMs: number;
}

function resultOf(limit: number, res: RateLimiterRes, allowed: boolean): WindowResult {
  return {
    allowed,
    limit,
    remaining: Math.max(0, res.remainingPoints),
    msBeforeNext: Math.max(0, res.msBeforeNext),
  };
}

/**
 * One fixed window of a limit (requests per minute for a tier, per day...), counted in Redis and
 * on the local limiter while Redis fails. rate-limiter-flexible's insuranceLimiter does the same
 * switch, but silently; here every switch is logged and exported through StoreHealth.
 */
export class FailoverCounter {
  readonly #options: FailoverCounterOptions;

  constructor(options: FailoverCounterOptions) {
    this.#options = options;
  }

  get limit(): number {
    return this.#options.local.points;
  }

  async consume(key: string): Promise<WindowResult> {
    return this.#run(key, (limiter) => limiter.consume(key, 1));
  }

  /** Gives back a point taken for a request that another window refused. */
  async refund(key: string): Promise<void> {
    await this.#run(key, (limiter) => limiter.reward(key, 1)).catch(() => undefined);
  }

  async #run(_key: string, call: (limiter: PointLimiter) => Promise<RateLimiterRes>): Promise<WindowResult> {
    const { shared, local, sharedReady, health, timeoutMs } = this.#options;
    if (shared) {
      if (sharedReady()) {
        try {
          const res = await withTimeout(call(shared), timeoutMs, 'rate limit store');
          health.recovered();
          return resultOf(shared.points, res, true);
        } catch (caught) {
          if (caught instanceof RateLimiterRes) {
            health.recovered();
            return resultOf(shared.points, caught, false);
          }
          health.failed(caught);
        }
      } else {
        health.failed(new Error('Redis connection is not ready'));
      }
    }
    try {
      return resultOf(local.points, await call(local), true);
    } catch (caught) {
      if (caught instanceof RateLimiterRes) return resultOf(local.points, caught, false);
      throw caught;
    }
  }
}
