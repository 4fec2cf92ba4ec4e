import { describe, expect, it } from '@jest/globals';
import { assignmentPoint, inRolloutShare, variantAt } from '../src/experiments/domain/assignment.ts';
import { evaluate, lookAlpha } from '../src/experiments/domain/decision.ts';
import { ZERO_COUNTERS } from '../src/experiments/domain/records.ts';
import { winRates } from '../src/experiments/domain/simulation.ts';
import {
  normalCdf,
  normalQuantile,
  twoProportionZ,
  welch,
  wilsonInterval,
} from '../src/experiments/domain/statistics.ts';

const VARIANTS = [
  { name: 'control', weight: 7 },
  { name: 'treatment', promptVersion: 'v2', weight: 3 },
];

describe('sticky assignment', () => {
  it('gives one user one variant, every time, and splits 10k users within 1.5 points of the weights', () => {
    const caller = (user: string) => ({ tenant: 'acme', user, requestId: `r-${Math.random()}` });
    const first = variantAt(VARIANTS, assignmentPoint('exp-1', caller('u-42'))).name;
    for (let i = 0; i < 20; i += 1)
      expect(variantAt(VARIANTS, assignmentPoint('exp-1', caller('u-42'))).name).toBe(first);
    const counts: Record<string, number> = { control: 0, treatment: 0 };
    for (let i = 0; i < 10_000; i += 1) {
      const name = variantAt(VARIANTS, assignmentPoint('exp-1', caller(`user-${i}`))).name;
      counts[name] = (counts[name] ?? 0) + 1;
    }
    expect(Math.abs((counts.control ?? 0) / 10_000 - 0.7)).toBeLessThan(0.015);
    expect(Math.abs((counts.treatment ?? 0) / 10_000 - 0.3)).toBeLessThan(0.015);
  });

  it('splits independently per experiment, and without a user per request', () => {
    let same = 0;
    for (let i = 0; i < 2_000; i += 1) {
      const c = { tenant: 't', user: `u${i}`, requestId: 'x' };
      if (assignmentPoint('a', c) < 0.5 === assignmentPoint('b', c) < 0.5) same += 1;
    }
    expect(same / 2_000).toBeGreaterThan(0.45);
    expect(same / 2_000).toBeLessThan(0.55);
    const anonymous = (requestId: string) => assignmentPoint('a', { tenant: 't', requestId });
    expect(anonymous('r1')).toBe(anonymous('r1'));
    expect(anonymous('r1')).not.toBe(anonymous('r2'));
  });

  it('keeps a rollout user in the candidate as the share grows', () => {
    for (let i = 0; i < 1_000; i += 1) {
      const point = assignmentPoint('roll-1', { tenant: 't', user: `u${i}`, requestId: '' });
      if (inRolloutShare(point, 0.1)) expect(inRolloutShare(point, 0.5)).toBe(true);
    }
  });
});

describe('statistics', () => {
  it('has a normal CDF and quantile that agree with the tables', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it('tests two proportions and two means, and bounds a rate with a Wilson interval', () => {
    // 60/100 vs 40/100: z = 2.828, p = 0.0047.
    const z = twoProportionZ(60, 100, 40, 100);
    expect(z.statistic).toBeCloseTo(2.828, 2);
    expect(z.pValue).toBeCloseTo(0.0047, 3);
    expect(
      welch({ n: 50, sum: 500, sumSq: 5_000 + 49 * 4 }, { n: 50, sum: 500, sumSq: 5_000 + 49 * 4 }).pValue,
    ).toBeCloseTo(1, 5);
    const interval = wilsonInterval(8, 10, 0.05);
    expect(interval.low).toBeCloseTo(0.4902, 3);
    expect(interval.high).toBeCloseTo(0.9433, 3);
  });

  it('spends alpha over the planned looks: Bonferroni with a limit, a 6/(π²k²) series without', () => {
    expect(lookAlpha({ alpha: 0.05, minSamples: 100, maxSamples: 1_000 }, 3)).toBeCloseTo(0.005, 10);
    const series = Array.from({ length: 10_000 }, (_, k) =>
      lookAlpha({ alpha: 0.05, minSamples: 100, maxSamples: 0 }, k + 1),
    );
    expect(series.reduce((a, b) => a + b, 0)).toBeLessThan(0.05);
  });

  it('decides only at a new planned look, and names the test and the corrected threshold', () => {
    const experiment = {
      variants: VARIANTS,
      metric: 'thumbs_up_rate' as const,
      alpha: 0.05,
      minSamples: 100,
      maxSamples: 1_000,
      looks: 0,
    };
    const row = (rated: number, up: number) => ({ ...ZERO_COUNTERS, answers: rated, rated, thumbsUp: up });
    expect(evaluate(experiment, { control: row(99, 10), treatment: row(150, 140) }).kind).toBe('wait');
    const verdict = evaluate(experiment, { control: row(100, 30), treatment: row(100, 80) });
    expect(verdict).toMatchObject({ kind: 'winner', winner: 'treatment', look: 1 });
    expect(verdict.kind !== 'wait' && verdict.decision).toMatch(/two-proportion z-test.*threshold 0\.0050/);
    expect(
      evaluate({ ...experiment, looks: 1 }, { control: row(150, 30), treatment: row(150, 80) }).kind,
    ).toBe('wait');
    // Lower is better for the error rate.
    const errors = evaluate(
      { ...experiment, metric: 'error_rate' },
      {
        control: { ...ZERO_COUNTERS, answers: 1_000, errors: 80 },
        treatment: { ...ZERO_COUNTERS, answers: 1_000, errors: 20 },
      },
    );
    expect(errors).toMatchObject({ kind: 'winner', winner: 'treatment' });
  });
});

describe('a simulated population', () => {
  const design = { minSamples: 200, maxSamples: 2_000, alpha: 0.05 };

  it('picks the truly better variant (55 % vs 45 % thumbs up) and never the worse one', () => {
    const result = winRates({ ...design, rates: { a: 0.45, b: 0.55 } }, 100, 1_000);
    expect(result.wins.a ?? 0).toBe(0);
    expect(result.wins.b ?? 0).toBeGreaterThanOrEqual(90);
  });

  it('declares a winner of an A/A test no more often than alpha allows (300 seeded runs)', () => {
    const result = winRates({ ...design, rates: { a: 0.5, b: 0.5 } }, 300, 7);
    // Bonferroni over the 10 looks keeps the family-wise rate at or under alpha (5 %); 300 runs
    // have a standard error of 1.3 points.
    expect(result.decidedRate).toBeLessThanOrEqual(0.06);
  });
});
