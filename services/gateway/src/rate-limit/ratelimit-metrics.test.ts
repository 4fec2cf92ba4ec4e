import { describe, expect, it } from '@jest/globals';
import { createLogger, createMetricsRegistry, metricValue } from '@ragfleet/telemetry';
import type { Identity } from '../auth/identity.ts';
import { createRequestLimiter } from './create-limiter.ts';

const caller = (fields: Partial<Identity> = {}): Identity => ({
  tenant: 't',
  user: 'u',
  tier: 'free',
  scopes: ['*'],
  keyId: 'k',
  method: 'api_key',
  ...fields,
});

describe('rate-limit refusal metrics', () => {
  it('counts each refusal by the window that refused and the tier', async () => {
    const registry = createMetricsRegistry('gateway');
    const limits = createRequestLimiter({
      settings: {
        perMinute: { free: 1, standard: 5, premium: 10, enterprise: 10_000 },
        perDay: 2,
        maxConcurrentStreams: 1,
        prefix: 'unit:',
        timeoutMs: 50,
        streamLeaseMs: 60_000,
      },
      logger: createLogger('gateway', 'silent'),
      registry,
    });
    const refusals = (labels: Record<string, string>) =>
      metricValue(registry, 'ragfleet_gateway_ratelimit_refusals_total', labels);

    expect((await limits.consume(caller())).allowed).toBe(true);
    expect((await limits.consume(caller())).allowed).toBe(false);
    expect(await refusals({ limit: 'minute', tier: 'free' })).toBe(1);

    // Premium keys of one user: the minute window has room, the day (2 per user) runs out.
    const premium = (keyId: string) => caller({ keyId, tier: 'premium', user: 'p' });
    await limits.consume(premium('a'));
    await limits.consume(premium('b'));
    expect((await limits.consume(premium('c'))).allowed).toBe(false);
    expect(await refusals({ limit: 'day', tier: 'premium' })).toBe(1);

    const lease = await limits.acquireStream(caller());
    expect((await limits.acquireStream(caller())).decision.allowed).toBe(false);
    expect(await refusals({ limit: 'streams', tier: 'free' })).toBe(1);
    lease.release();
    expect(await refusals({ limit: 'minute', tier: 'free' })).toBe(1);
    limits.close();
  });
});
