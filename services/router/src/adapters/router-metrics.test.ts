import { describe, expect, it } from '@jest/globals';
import { createMetricsRegistry, metricValue } from '@ragfleet/telemetry';
import { routePolicyFromFiles } from '../route-policy-from-files.ts';
import { routerMetrics } from './router-metrics.ts';

describe('routerMetrics', () => {
  it('counts decisions by class, tier and provider, skipped models by reason, and times them', async () => {
    const registry = createMetricsRegistry('router');
    const metrics = routerMetrics(registry);
    const policy = routePolicyFromFiles({ enabled: new Set(['extractive', 'ollama', 'anthropic']) });
    const decision = await policy.route({ query: 'What is HNSW?', tier: 'free' });
    metrics.decided(decision, 0.00004);
    metrics.reloaded('rejected');

    expect(
      await metricValue(registry, 'ragfleet_router_decisions_total', {
        class: 'simple',
        tier: 'free',
        provider: 'ollama',
      }),
    ).toBe(1);
    // Free allows neither hosted model nor the enterprise one: three skipped for tier.
    expect(await metricValue(registry, 'ragfleet_router_skipped_total', { reason: 'tier' })).toBe(3);
    expect(await metricValue(registry, 'ragfleet_router_decision_seconds_count')).toBe(1);
    expect(await metricValue(registry, 'ragfleet_router_decision_seconds_bucket', { le: 0.00005 })).toBe(1);
    expect(await metricValue(registry, 'ragfleet_router_decision_seconds_bucket', { le: 0.000025 })).toBe(0);
    expect(
      await metricValue(registry, 'ragfleet_router_catalog_reloads_total', { outcome: 'rejected' }),
    ).toBe(1);
    expect(
      await metricValue(registry, 'ragfleet_router_routes_total', { tier: 'free', first_provider: 'ollama' }),
    ).toBe(1);
  });
});
