import { describe, expect, it } from '@jest/globals';
import { k6Percentile, MetricSet } from '../../loadtest/metrics.ts';
import { evaluateThresholds, parseThreshold } from '../../loadtest/thresholds.ts';

describe('parseThreshold', () => {
  it('reads k6 expressions: aggregation, operator, number', () => {
    expect(parseThreshold('p(95)<300')).toMatchObject({
      aggregation: 'p',
      percentile: 95,
      operator: '<',
      value: 300,
    });
    expect(parseThreshold(' p(99.9) <= 1.5 ')).toMatchObject({
      percentile: 99.9,
      operator: '<=',
      value: 1.5,
    });
    expect(parseThreshold('rate>0.99')).toMatchObject({ aggregation: 'rate', operator: '>', value: 0.99 });
    expect(parseThreshold('count==0')).toMatchObject({ aggregation: 'count', operator: '==', value: 0 });
  });

  it.each(['p95<300', 'p(95) < ', 'rate ~ 0.1', 'avg<abc', 'p(101)<5', ''])(
    'refuses %p with INVALID_ARGUMENT',
    (expression) => {
      expect(() => parseThreshold(expression)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    },
  );
});

describe('k6Percentile', () => {
  it('interpolates between the closest ranks, as k6 does', () => {
    const sorted = [10, 20, 30, 40, 50];
    expect(k6Percentile(sorted, 50)).toBe(30);
    expect(k6Percentile(sorted, 95)).toBeCloseTo(48); // index 3.8: 40 + 0.8 × 10
    expect(k6Percentile(sorted, 0)).toBe(10);
    expect(k6Percentile(sorted, 100)).toBe(50);
    expect(k6Percentile([7], 99)).toBe(7);
    expect(k6Percentile([], 50)).toBeNaN();
  });
});

describe('evaluateThresholds', () => {
  const metrics = () => {
    const set = new MetricSet();
    for (let ms = 1; ms <= 100; ms++) set.trend('latency', ms);
    for (let i = 0; i < 100; i++) set.rate('failed', i < 3);
    set.counter('dropped_iterations', 0);
    set.counter('dropped_iterations', 4);
    return set;
  };

  it('passes and fails each expression on the aggregation it names', () => {
    const results = evaluateThresholds(
      {
        latency: ['p(95)<100', 'p(95)<90', 'avg==50.5', 'max<=100', 'min>1', 'med<60'],
        failed: ['rate<0.05', 'rate<0.01'],
        dropped_iterations: ['count<5', 'rate<0.5'],
      },
      metrics(),
      10,
    );
    expect(results.map(({ expression, passed }) => [expression, passed])).toEqual([
      ['p(95)<100', true], // 95.05
      ['p(95)<90', false],
      ['avg==50.5', true],
      ['max<=100', true],
      ['min>1', false],
      ['med<60', true],
      ['rate<0.05', true], // 0.03
      ['rate<0.01', false],
      ['count<5', true], // 4
      ['rate<0.5', true], // 4 in 10 s
    ]);
    expect(results[0]!.observed).toBeCloseTo(95.05);
  });

  it('fails a metric never recorded, and a trend with no sample, instead of passing it as k6 would', () => {
    const set = new MetricSet();
    set.counter('dropped_iterations', 0);
    const results = evaluateThresholds({ latency: ['p(95)<300'], dropped_iterations: ['count==0'] }, set, 1);
    expect(results[0]).toMatchObject({ passed: false, problem: 'no samples' });
    expect(results[1]).toMatchObject({ passed: true, observed: 0 });
  });

  it('fails an aggregation the kind of metric does not have', () => {
    const results = evaluateThresholds({ failed: ['p(95)<1'], latency: ['rate<1'] }, metrics(), 1);
    expect(results.map((result) => result.problem)).toEqual(['a rate has no p', 'a trend has no rate']);
  });
});
