import { describe, expect, it } from '@jest/globals';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import type { Identity } from '../auth/identity.ts';
import { createRequestLimiter, type LimitSettings } from './create-limiter.ts';
import { FailoverCounter, type PointLimiter } from './failover-counter.ts';
import { StoreHealth } from './store-health.ts';

const settings: LimitSettings = {
  perMinute: { free: 2, standard: 5, premium: 10, enterprise: 10_000 },
  perDay: 3,
  maxConcurrentStreams: 1,
  prefix: 'unit:',
  timeoutMs: 50,
  streamLeaseMs: 60_000,
};

const caller = (fields: Partial<Identity> = {}): Identity => ({
  tenant: 't',
  user: 'u',
  tier: 'free',
  scopes: ['*'],
  keyId: 'k',
  method: 'api_key',
  ...fields,
});

function limiter() {
  return createRequestLimiter({
    settings,
    logger: createLogger('gateway', 'silent'),
    registry: createMetricsRegistry('gateway'),
  });
}

describe('RequestLimiter (per process)', () => {
  it('limits requests per minute by tier and reports the window', async () => {
    const limits = limiter();
    const first = await limits.consume(caller(), 'minute');
    expect(first).toMatchObject({ allowed: true, limit: 2, remaining: 1, retryAfterMs: 0 });
    expect(first.resetMs).toBeGreaterThan(59_000);
    await limits.consume(caller(), 'minute');
    const refused = await limits.consume(caller(), 'minute');
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    // Another key of the same tenant has its own window; a premium key a larger one.
    expect((await limits.consume(caller({ keyId: 'other' }), 'minute')).allowed).toBe(true);
    expect((await limits.consume(caller({ keyId: 'p', tier: 'premium' }), 'minute')).limit).toBe(10);
  });

  it('counts the day per user across keys, and a refusal by one window does not use the other', async () => {
    const limits = limiter();
    const alice = (keyId: string) => caller({ keyId, tier: 'premium' });
    expect((await limits.consume(alice('k1'))).allowed).toBe(true);
    expect((await limits.consume(alice('k2'))).allowed).toBe(true);
    const third = await limits.consume(alice('k3'));
    expect(third).toMatchObject({ allowed: true, limit: 3, remaining: 0 });
    const refused = await limits.consume(alice('k4'));
    expect(refused).toMatchObject({ allowed: false, limit: 3 });
    // k4's minute window was refunded: it still has all 10.
    expect(await limits.consume(alice('k4'), 'minute')).toMatchObject({ remaining: 9 });
  });

  it('does not put a daily quota on anonymous development callers', async () => {
    const limits = limiter();
    const anonymous = caller({ method: 'anonymous', tier: 'premium' });
    for (let i = 0; i < 5; i++) expect((await limits.consume(anonymous)).limit).toBe(10);
  });

  it('holds one stream slot per key until it is released (once)', async () => {
    const limits = limiter();
    const lease = await limits.acquireStream(caller());
    expect(lease.decision).toMatchObject({ allowed: true, limit: 1, remaining: 0 });
    const second = await limits.acquireStream(caller());
    expect(second.decision).toMatchObject({ allowed: false, retryAfterMs: 1_000 });
    lease.release();
    lease.release();
    await new Promise((resolve) => setImmediate(resolve));
    const third = await limits.acquireStream(caller());
    expect(third.decision.allowed).toBe(true);
    third.release();
  });
});

describe('FailoverCounter', () => {
  const failing = (points: number): PointLimiter => ({
    points,
    consume: () => Promise.reject(new Error('ECONNREFUSED')),
    reward: () => Promise.reject(new Error('ECONNREFUSED')),
    penalty: () => Promise.reject(new Error('ECONNREFUSED')),
  });
  const hanging = (points: number): PointLimiter => ({
    points,
    consume: () => new Promise(() => {}),
    reward: () => new Promise(() => {}),
    penalty: () => new Promise(() => {}),
  });

  async function gaugeValue(registry: ReturnType<typeof createMetricsRegistry>) {
    return (await registry.getSingleMetric('ragfleet_gateway_ratelimit_fallback_active')?.get())?.values[0]
      ?.value;
  }

  it('falls back to the local limiter when the shared one fails or hangs, and switches back', async () => {
    const registry = createMetricsRegistry('gateway');
    const health = new StoreHealth(createLogger('gateway', 'silent'), registry);
    let shared: PointLimiter = failing(2);
    const counter = new FailoverCounter({
      shared: {
        points: 2,
        consume: (key, points) => shared.consume(key, points),
        reward: (key, points) => shared.reward(key, points),
        penalty: (key, points) => shared.penalty(key, points),
      },
      local: new RateLimiterMemory({ points: 2, duration: 60 }),
      sharedReady: () => true,
      health,
      timeoutMs: 20,
    });
    expect((await counter.consume('k')).allowed).toBe(true);
    expect(health.degraded).toBe(true);
    expect(await gaugeValue(registry)).toBe(1);
    shared = hanging(2);
    expect((await counter.consume('k')).allowed).toBe(true);
    // Still limiting while degraded: the local window is spent.
    expect((await counter.consume('k')).allowed).toBe(false);

    // Back: the two requests admitted locally are carried over, so the window is already spent.
    shared = new RateLimiterMemory({ points: 2, duration: 60 });
    expect(await counter.consume('k')).toMatchObject({ allowed: false, remaining: 0 });
    expect(health.degraded).toBe(false);
    expect(await gaugeValue(registry)).toBe(0);
    // A key that was not used during the outage starts fresh.
    expect(await counter.consume('other')).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('admits only its share of the limit while the shared store is away, and carries it over once', async () => {
    const health = new StoreHealth(createLogger('gateway', 'silent'), createMetricsRegistry('gateway'));
    let up = false;
    const redisLike = new RateLimiterMemory({ points: 10, duration: 60 });
    const counter = new FailoverCounter({
      shared: redisLike,
      local: new RateLimiterMemory({ points: 10, duration: 60 }),
      sharedReady: () => up,
      health,
      timeoutMs: 20,
      replicas: () => 4,
    });
    const admitted = async (count: number) => {
      let allowed = 0;
      for (let i = 0; i < count; i++) if ((await counter.consume('k')).allowed) allowed++;
      return allowed;
    };
    // Four replicas share 10 a minute: alone, this one admits ceil(10 / 4) = 3.
    expect(await admitted(6)).toBe(3);
    expect((await counter.consume('k')).limit).toBe(3);
    up = true;
    // The 3 are handed to the shared count before the next request: 10 - 3 remain, once.
    expect(await counter.consume('k')).toMatchObject({ allowed: true, remaining: 6 });
    expect(await counter.consume('k')).toMatchObject({ allowed: true, remaining: 5 });
  });

  it('is the whole limit without a shared store: one process is the whole gateway', async () => {
    const counter = new FailoverCounter({
      local: new RateLimiterMemory({ points: 10, duration: 60 }),
      sharedReady: () => false,
      health: new StoreHealth(createLogger('gateway', 'silent'), createMetricsRegistry('gateway')),
      timeoutMs: 20,
      replicas: () => 4,
    });
    expect(await counter.consume('k')).toMatchObject({ allowed: true, limit: 10, remaining: 9 });
  });

  it('does not even call the shared store while its connection is down', async () => {
    let calls = 0;
    const counter = new FailoverCounter({
      shared: {
        points: 1,
        consume: () => {
          calls++;
          return Promise.reject(new Error('down'));
        },
        reward: () => Promise.reject(new Error('down')),
        penalty: () => Promise.reject(new Error('down')),
      },
      local: new RateLimiterMemory({ points: 1, duration: 60 }),
      sharedReady: () => false,
      health: new StoreHealth(createLogger('gateway', 'silent'), createMetricsRegistry('gateway')),
      timeoutMs: 20,
    });
    expect((await counter.consume('k')).allowed).toBe(true);
    expect(calls).toBe(0);
  });
});
