import { describe, expect, it } from '@jest/globals';
import { createMetricsRegistry, histogram, metricValue, observedGauge } from './metrics.ts';

describe('observedGauge', () => {
  it('reads its value at each scrape and keeps the last one when the read fails', async () => {
    const registry = createMetricsRegistry('test');
    let next: () => number = () => 7;
    observedGauge(registry, 'ragfleet_test_depth', 'A depth read at scrape time.', () => next());
    expect(await registry.metrics()).toContain('ragfleet_test_depth{service="test"} 7');
    next = () => {
      throw new Error('store unreachable');
    };
    // The scrape still succeeds, with the last value read.
    expect(await registry.metrics()).toContain('ragfleet_test_depth{service="test"} 7');
    next = () => 2;
    expect(await metricValue(registry, 'ragfleet_test_depth')).toBe(2);
  });
});

describe('metricValue', () => {
  it("reads a histogram's count, sum and buckets by label, and 0 for what is absent", async () => {
    const registry = createMetricsRegistry('test');
    const latency = histogram(registry, 'ragfleet_test_seconds', 'Latency.', ['route'], [0.1, 1]);
    latency.observe({ route: '/a' }, 0.05);
    latency.observe({ route: '/a' }, 0.5);
    latency.observe({ route: '/b' }, 2);
    expect(await metricValue(registry, 'ragfleet_test_seconds_count', { route: '/a' })).toBe(2);
    expect(await metricValue(registry, 'ragfleet_test_seconds_sum', { route: '/b' })).toBe(2);
    expect(await metricValue(registry, 'ragfleet_test_seconds_bucket', { route: '/a', le: 0.1 })).toBe(1);
    expect(await metricValue(registry, 'ragfleet_test_seconds_count', { route: '/c' })).toBe(0);
    expect(await metricValue(registry, 'ragfleet_missing_total')).toBe(0);
  });
});
