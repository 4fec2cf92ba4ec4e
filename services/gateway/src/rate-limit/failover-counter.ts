import { RateLimiterRes } from 'rate-limiter-flexible';
import type { StoreHealth } from './store-health.ts';
import { withTimeout } from './with-timeout.ts';

/** The part of a rate-limiter-flexible limiter used here (RateLimiterRedis, RateLimiterMemory). */
export interface PointLimiter {
  readonly points: number;
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  reward(key: string, points?: number): Promise<RateLimiterRes>;
  /** Adds points without a verdict: how counts taken locally are handed back to the shared store. */
  penalty(key: string, points?: number): Promise<RateLimiterRes>;
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
  /**
   * How many gateway replicas share the limit right now (last seen through Redis). While Redis
   * is away each replica admits only its share, so together they stay near the limit.
   */
  replicas?: () => number;
  now?: () => number;
}

/** Requests admitted locally during an outage, still to be added to the shared count. */
interface Carried {
  points: number;
  /** When the local window they were counted in ends: past it they no longer matter. */
  until: number;
}

const MAX_CARRIED_KEYS = 10_000;

function resultOf(limit: number, res: RateLimiterRes, allowed: boolean): WindowResult {
  return {
    allowed,
    limit,
    remaining: Math.max(0, limit - res.consumedPoints),
    msBeforeNext: Math.max(0, res.msBeforeNext),
  };
}

/**
 * One fixed window of a limit (requests per minute for a tier, per day...), counted in Redis and
 * on the local limiter while Redis fails. rate-limiter-flexible's insuranceLimiter does the same
 * switch, but silently and with the whole limit on every replica, and forgets the outage when Redis
 * returns (a restarted Redis comes back empty): N replicas could admit about 2N times the limit.
 * Here each replica admits its share during the outage, and what it admitted is carried over into
 * the shared count when Redis answers again; every switch is logged and exported (StoreHealth).
 * The bound: in any window, at most the limit counted in Redis before the outage plus one limit
 * (rounded up per replica) during it, so under twice the limit; a window wholly inside an outage,
 * or after it, stays within the limit.
 */
export class FailoverCounter {
  readonly #options: FailoverCounterOptions;
  readonly #carried = new Map<string, Carried>();
  readonly #now: () => number;

  constructor(options: FailoverCounterOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get limit(): number {
    return this.#options.local.points;
  }

  async consume(key: string): Promise<WindowResult> {
    const shared = await this.#shared(key, (limiter) => limiter.consume(key, 1));
    if (shared) return shared;
    return this.#consumeLocally(key);
  }

  /**
   * Hands every count taken during an outage to the shared store, as soon as it is back: a key
   * that sees no more traffic here must still count on the other replicas.
   */
  async handBackAll(): Promise<void> {
    const { shared, timeoutMs } = this.#options;
    if (!shared) return;
    for (const key of [...this.#carried.keys()]) {
      await withTimeout(this.#handBack(shared, key), timeoutMs, 'rate limit store').catch(() => undefined);
    }
  }

  /** Gives back a point taken for a request that another window refused. */
  async refund(key: string): Promise<void> {
    const shared = await this.#shared(key, (limiter) => limiter.reward(key, 1)).catch(() => undefined);
    if (shared) return;
    await this.#options.local.reward(key, 1).catch(() => undefined);
    const carried = this.#carried.get(key);
    if (carried && carried.points > 0) carried.points--;
  }

  /** The shared store's verdict, or undefined when it cannot give one (none, down, too slow). */
  async #shared(
    key: string,
    call: (limiter: PointLimiter) => Promise<RateLimiterRes>,
  ): Promise<WindowResult | undefined> {
    const { shared, sharedReady, health, timeoutMs } = this.#options;
    if (!shared) return undefined;
    if (!sharedReady()) {
      health.failed(new Error('Redis connection is not ready'));
      return undefined;
    }
    try {
      await withTimeout(this.#handBack(shared, key), timeoutMs, 'rate limit store');
      const res = await withTimeout(call(shared), timeoutMs, 'rate limit store');
      health.recovered();
      return resultOf(shared.points, res, true);
    } catch (caught) {
      if (caught instanceof RateLimiterRes) {
        health.recovered();
        return resultOf(shared.points, caught, false);
      }
      health.failed(caught);
      return undefined;
    }
  }

  /**
   * Adds what this replica admitted for the key during an outage to the shared count. Forgotten
   * only once the store took it: a hand-back that fails or times out is tried again (counting a
   * late one twice errs on the strict side).
   */
  async #handBack(shared: PointLimiter, key: string): Promise<void> {
    const carried = this.#carried.get(key);
    if (!carried) return;
    if (carried.points > 0 && carried.until > this.#now()) await shared.penalty(key, carried.points);
    if (this.#carried.get(key) === carried) this.#carried.delete(key);
  }

  async #consumeLocally(key: string): Promise<WindowResult> {
    const { local, shared } = this.#options;
    // Without Redis this process is the whole gateway: it admits the whole limit.
    const replicas = shared ? Math.max(1, this.#options.replicas?.() ?? 1) : 1;
    const share = Math.ceil(local.points / replicas);
    let res: RateLimiterRes;
    try {
      res = await local.consume(key, 1);
    } catch (caught) {
      if (!(caught instanceof RateLimiterRes)) throw caught;
      res = caught;
    }
    const allowed = res.consumedPoints <= share;
    if (shared && allowed) this.#carry(key, res.msBeforeNext);
    return {
      allowed,
      limit: share,
      remaining: Math.max(0, share - res.consumedPoints),
      msBeforeNext: Math.max(0, res.msBeforeNext),
    };
  }

  #carry(key: string, msBeforeNext: number): void {
    const carried = this.#carried.get(key);
    if (carried) {
      carried.points++;
      return;
    }
    // Bounded like any per-key cache; losing the oldest only loosens the bound for that key.
    if (this.#carried.size >= MAX_CARRIED_KEYS)
      this.#carried.delete(this.#carried.keys().next().value as string);
    this.#carried.set(key, { points: 1, until: this.#now() + msBeforeNext });
  }
}
