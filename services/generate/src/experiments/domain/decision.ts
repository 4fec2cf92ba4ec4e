import { ZERO_COUNTERS, type Counters, type DecidingMetric, type ExperimentRecord } from './records.ts';
import {
  meanInterval,
  twoProportionZ,
  welch,
  wilsonInterval,
  type Interval,
  type Moments,
  type TestResult,
} from './statistics.ts';

/** How each metric is sampled, compared and which way is better. */
interface MetricRule {
  label: string;
  higherIsBetter: boolean;
  samples(counters: Counters): number;
  interval(counters: Counters, alpha: number): Interval;
  test(a: Counters, b: Counters): TestResult;
  testName: string;
}

const served = (c: Counters) => c.answers - c.errors;
const costMoments = (c: Counters): Moments => ({ n: served(c), sum: c.costUsd, sumSq: c.costSq });
const latencyMoments = (c: Counters): Moments => ({ n: served(c), sum: c.latencyMs, sumSq: c.latencySq });

export const METRIC_RULES: Record<DecidingMetric, MetricRule> = {
  thumbs_up_rate: {
    label: 'thumbs-up rate',
    higherIsBetter: true,
    samples: (c) => c.rated,
    interval: (c, alpha) => wilsonInterval(c.thumbsUp, c.rated, alpha),
    test: (a, b) => twoProportionZ(a.thumbsUp, a.rated, b.thumbsUp, b.rated),
    testName: 'two-proportion z-test',
  },
  error_rate: {
    label: 'error rate',
    higherIsBetter: false,
    samples: (c) => c.answers,
    interval: (c, alpha) => wilsonInterval(c.errors, c.answers, alpha),
    test: (a, b) => twoProportionZ(a.errors, a.answers, b.errors, b.answers),
    testName: 'two-proportion z-test',
  },
  cost_per_answer: {
    label: 'cost per answer',
    higherIsBetter: false,
    samples: served,
    interval: (c, alpha) => meanInterval(costMoments(c), alpha),
    test: (a, b) => welch(costMoments(a), costMoments(b)),
    testName: "Welch's t-test",
  },
  latency: {
    label: 'time to first token',
    higherIsBetter: false,
    samples: served,
    interval: (c, alpha) => meanInterval(latencyMoments(c), alpha),
    test: (a, b) => welch(latencyMoments(a), latencyMoments(b)),
    testName: "Welch's t-test",
  },
};

/**
 * The significance level of one planned look. Looks come every min_samples per variant; peeking
 * at each of them with the full alpha would inflate false positives, so alpha is spent across
 * them: Bonferroni (alpha / K) over the K = ceil(max/min) planned looks, or, without a sample
 * limit, alpha · 6/(π² k²) at look k (a series that sums to alpha over unboundedly many looks).
 */
export function lookAlpha(
  experiment: Pick<ExperimentRecord, 'alpha' | 'minSamples' | 'maxSamples'>,
  look: number,
) {
  if (experiment.maxSamples > 0) {
    return experiment.alpha / Math.ceil(experiment.maxSamples / experiment.minSamples);
  }
  return (experiment.alpha * 6) / (Math.PI * Math.PI * look * look);
}

export type Verdict =
  | { kind: 'wait' }
  | { kind: 'continue'; look: number; decision: string }
  | { kind: 'winner'; look: number; winner: string; decision: string }
  | { kind: 'no_difference'; look: number; decision: string };

const format = (value: number) =>
  Math.abs(value) >= 0.001 || value === 0 ? value.toFixed(4) : value.toExponential(3);

/**
 * Evaluates an experiment at its next planned look, if one is due: the best variant so far is
 * compared with each other one (Bonferroni over those comparisons too); it wins when every
 * comparison is significant at the look's level. At the sample limit without a winner the
 * experiment ends with no difference.
 */
export function evaluate(
  experiment: Pick<ExperimentRecord, 'variants' | 'metric' | 'alpha' | 'minSamples' | 'maxSamples' | 'looks'>,
  counters: Record<string, Counters>,
): Verdict {
  const rule = METRIC_RULES[experiment.metric];
  const rows = experiment.variants.map((variant) => ({
    name: variant.name,
    counters: counters[variant.name] ?? ZERO_COUNTERS,
  }));
  const fewest = Math.min(...rows.map((row) => rule.samples(row.counters)));
  const look = Math.floor(fewest / experiment.minSamples);
  if (look <= experiment.looks || look < 1) return { kind: 'wait' };

  const value = (c: Counters) => rule.interval(c, experiment.alpha).value;
  const ranked = [...rows].sort((a, b) =>
    rule.higherIsBetter ? value(b.counters) - value(a.counters) : value(a.counters) - value(b.counters),
  );
  const best = ranked[0] as (typeof rows)[number];
  const threshold = lookAlpha(experiment, look) / Math.max(1, rows.length - 1);
  const tests = ranked
    .slice(1)
    .map((other) => ({ other: other.name, result: rule.test(best.counters, other.counters) }));
  const worstP = Math.max(...tests.map((test) => test.result.pValue));
  const summary =
    `${rule.testName} on the ${rule.label} at look ${look} (${fewest} samples per variant at least): ` +
    tests
      .map(
        (test) =>
          `${best.name} vs ${test.other} statistic ${test.result.statistic.toFixed(3)}, p ${format(test.result.pValue)}`,
      )
      .join('; ') +
    `; corrected threshold ${format(threshold)} (alpha ${experiment.alpha} spent over the planned looks${rows.length > 2 ? ` and ${rows.length - 1} comparisons` : ''})`;
  if (worstP < threshold)
    return { kind: 'winner', look, winner: best.name, decision: `${summary}: ${best.name} wins` };
  if (experiment.maxSamples > 0 && fewest >= experiment.maxSamples) {
    return {
      kind: 'no_difference',
      look,
      decision: `${summary}: no significant difference at the sample limit`,
    };
  }
  return { kind: 'continue', look, decision: `${summary}: not yet significant` };
}
