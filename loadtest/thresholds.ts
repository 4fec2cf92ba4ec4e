// k6's threshold expressions ("p(95)<300", "rate<0.01", "count<10"), parsed and evaluated on the
// runner's MetricSet: the same strings k6 is given, so both fail on the same thresholds.
import { RagfleetError } from '../packages/errors/src/index.ts';
import { k6Percentile, type Metric, type MetricKind, type MetricSet } from './metrics.ts';

type Operator = '<=' | '>=' | '===' | '==' | '!=' | '<' | '>';

export interface Threshold {
  expression: string;
  /** avg, min, max, med, p(N), rate, count. */
  aggregation: string;
  /** The N of p(N). */
  percentile?: number;
  operator: Operator;
  value: number;
}

const PATTERN =
  /^\s*(avg|min|max|med|rate|count|p\(\s*(\d+(?:\.\d+)?)\s*\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Which aggregations k6 offers on each kind of metric. */
const AGGREGATIONS: Record<MetricKind, readonly string[]> = {
  trend: ['avg', 'min', 'max', 'med', 'p'],
  rate: ['rate'],
  counter: ['count', 'rate'],
};

export function parseThreshold(expression: string): Threshold {
  const match = PATTERN.exec(expression);
  if (!match) {
    throw new RagfleetError(
      'INVALID_ARGUMENT',
      `Threshold "${expression}" is not a k6 expression this runner evaluates (aggregation operator number, e.g. "p(95)<300").`,
    );
  }
  const [, aggregation, percentile, operator, value] = match as unknown as [
    string,
    string,
    string | undefined,
    Operator,
    string,
  ];
  const pct = percentile === undefined ? undefined : Number(percentile);
  if (pct !== undefined && !(pct >= 0 && pct <= 100)) {
    throw new RagfleetError('INVALID_ARGUMENT', `Threshold "${expression}": a percentile lies in 0..100.`);
  }
  return {
    expression,
    aggregation: pct === undefined ? aggregation : 'p',
    ...(pct !== undefined && { percentile: pct }),
    operator,
    value: Number(value),
  };
}

function compare(observed: number, operator: Operator, value: number): boolean {
  switch (operator) {
    case '<':
      return observed < value;
    case '<=':
      return observed <= value;
    case '>':
      return observed > value;
    case '>=':
      return observed >= value;
    case '==':
    case '===':
      return observed === value;
    case '!=':
      return observed !== value;
  }
}

function aggregate(metric: Metric, threshold: Threshold, elapsedSeconds: number): number {
  const { samples } = metric;
  const sum = samples.reduce((total, sample) => total + sample, 0);
  if (metric.kind === 'counter') return threshold.aggregation === 'count' ? sum : sum / elapsedSeconds;
  if (samples.length === 0) return Number.NaN;
  if (metric.kind === 'rate') return sum / samples.length;
  const sorted = [...samples].sort((a, b) => a - b);
  switch (threshold.aggregation) {
    case 'avg':
      return sum / sorted.length;
    case 'min':
      return sorted[0]!;
    case 'max':
      return sorted[sorted.length - 1]!;
    case 'med':
      return k6Percentile(sorted, 50);
    default:
      return k6Percentile(sorted, threshold.percentile!);
  }
}

export interface ThresholdResult {
  metric: string;
  expression: string;
  observed: number;
  samples: number;
  passed: boolean;
  /** Why it failed without a comparison: the metric has no samples, or cannot take this aggregation. */
  problem?: string;
}

/**
 * Evaluates every threshold on `metrics`. A metric never recorded fails, and so does a trend or
 * rate with no sample, where k6 would pass it: nothing measured proves nothing. (A counter the
 * scenario declared with 0, like dropped_iterations, is measured: it counts 0.)
 */
export function evaluateThresholds(
  thresholds: Record<string, readonly string[]>,
  metrics: MetricSet,
  elapsedSeconds: number,
): ThresholdResult[] {
  const results: ThresholdResult[] = [];
  for (const [name, expressions] of Object.entries(thresholds)) {
    for (const expression of expressions) {
      const threshold = parseThreshold(expression);
      const metric = metrics.metrics.get(name);
      const base = { metric: name, expression, samples: metric?.samples.length ?? 0 };
      if (!metric) {
        results.push({ ...base, observed: Number.NaN, passed: false, problem: 'no samples' });
        continue;
      }
      if (!AGGREGATIONS[metric.kind].includes(threshold.aggregation)) {
        const problem = `a ${metric.kind} has no ${threshold.aggregation}`;
        results.push({ ...base, observed: Number.NaN, passed: false, problem });
        continue;
      }
      const observed = aggregate(metric, threshold, elapsedSeconds);
      if (Number.isNaN(observed)) {
        results.push({ ...base, observed, passed: false, problem: 'no samples' });
        continue;
      }
      results.push({ ...base, observed, passed: compare(observed, threshold.operator, threshold.value) });
    }
  }
  return results;
}
