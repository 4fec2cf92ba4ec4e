import { describe, expect, it } from '@jest/globals';
import { exportedNames, metricNames } from './promql-names.ts';

describe('metricNames', () => {
  it('finds the names under functions, aggregations, matchers, ranges and binary operators', () => {
    const expr =
      'histogram_quantile(0.95, sum by (le, route) (rate(ragfleet_gateway_request_duration_seconds_bucket{route!~"/v1/rag|x{y}"}[$__rate_interval]))) > 2 ' +
      'and on (route) sum(rate(ragfleet_gateway_requests_total{status=~"5.."}[5m] offset 1h)) / ignoring (from) group_left ' +
      'max_over_time(up{job="ragfleet-embed"}[10m:1m]) or vector(0) unless bool ragfleet_x:recorded';
    expect([...metricNames(expr)].sort()).toEqual([
      'ragfleet_gateway_request_duration_seconds_bucket',
      'ragfleet_gateway_requests_total',
      'ragfleet_x:recorded',
      'up',
    ]);
  });

  it('finds nothing in an expression without series', () => {
    expect(metricNames('vector(1) + scalar(time())').size).toBe(0);
  });
});

describe('exportedNames', () => {
  it("adds a histogram's _bucket, _sum and _count series to its family", () => {
    const names = exportedNames(
      '# HELP a_seconds x\n# TYPE a_seconds histogram\na_seconds_bucket{le="1"} 0\n# TYPE b_total counter\n',
    );
    expect([...names].sort()).toEqual([
      'a_seconds',
      'a_seconds_bucket',
      'a_seconds_count',
      'a_seconds_sum',
      'b_total',
    ]);
  });
});
