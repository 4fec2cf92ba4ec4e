// The runner's measurements, kept the way k6 keeps its custom metrics (Trend, Rate, Counter), so
// the thresholds of scenarios.json mean the same thing to both.

export type MetricKind = 'trend' | 'rate' | 'counter';

export interface Metric {
  kind: MetricKind;
  /** Trend: every sample (ms). Rate: 1 for a pass, 0 for a fail. Counter: each increment. */
  samples: number[];
}

export class MetricSet {
  readonly metrics = new Map<string, Metric>();

  private metric(name: string, kind: MetricKind): Metric {
    let metric = this.metrics.get(name);
    if (!metric) this.metrics.set(name, (metric = { kind, samples: [] }));
    if (metric.kind !== kind) throw new Error(`metric ${name} is a ${metric.kind}, not a ${kind}`);
    return metric;
  }

  trend(name: string, value: number): void {
    this.metric(name, 'trend').samples.push(value);
  }

  rate(name: string, passed: boolean): void {
    this.metric(name, 'rate').samples.push(passed ? 1 : 0);
  }

  counter(name: string, increment = 1): void {
    this.metric(name, 'counter').samples.push(increment);
  }
}

/**
 * k6's percentile of a Trend: linear interpolation between the two closest ranks
 * (index pct × (n − 1) of the sorted samples), so a threshold on p(95) agrees with k6's.
 */
export function k6Percentile(sorted: readonly number[], pct: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = (pct / 100) * (sorted.length - 1);
  const below = sorted[Math.floor(index)]!;
  const above = sorted[Math.ceil(index)]!;
  return below + (above - below) * (index - Math.floor(index));
}
