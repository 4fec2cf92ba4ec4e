import { describe, expect, it } from '@jest/globals';
import { recommendationRecord } from './feedback-store.contract.ts';
import type { RecommendationRecord, Stage } from './records.ts';
import { computeStats } from './stats.ts';

function record(id: string, category: string, path: Stage[], effectiveness?: number, measurable = true) {
  const base = recommendationRecord('acme', id);
  base.recommendation.category = category;
  const stage = path.at(-1) ?? 'generated';
  const history = [
    ...base.history,
    ...path.map((s) => ({ stage: s, at: '2026-01-02T00:00:00.000Z', actor: 'alice' })),
  ];
  const outcome =
    effectiveness === undefined
      ? {}
      : { outcome: { measuredAt: '2026-01-09T00:00:00.000Z', effectiveness, changes: {}, measurable } };
  return { ...base, stage, history, ...outcome } as RecommendationRecord;
}

describe('computeStats', () => {
  const records = [
    record('f1', 'fees', ['shown', 'applied', 'measured'], 0.8),
    record('f2', 'fees', ['applied', 'measured'], 0.4),
    record('f3', 'fees', ['shown', 'dismissed']),
    record('f4', 'fees', []),
    record('f5', 'fees', ['applied', 'measured'], 0, false),
    record('l1', 'liquidity', ['shown', 'applied', 'measured'], 0.9),
    record('l2', 'liquidity', ['applied']),
  ];

  it('counts every stage a record reached, per category', () => {
    const fees = computeStats(records, 5).categories.find((c) => c.category === 'fees');
    expect(fees).toMatchObject({ generated: 5, shown: 2, applied: 3, dismissed: 1, measured: 3 });
  });

  it('rates success and mean effectiveness over measurable outcomes, acceptance over acted-on ones', () => {
    const fees = computeStats(records, 5).categories.find((c) => c.category === 'fees');
    expect(fees?.successRate).toBeCloseTo(0.5);
    expect(fees?.meanEffectiveness).toBeCloseTo(0.6);
    expect(fees?.acceptanceRate).toBeCloseTo(3 / 4);
  });

  it('folds every category into overall, and ranks the top effective measurable ones', () => {
    const stats = computeStats(records, 2);
    expect(stats.categories.map((c) => c.category)).toEqual(['fees', 'liquidity']);
    expect(stats.overall).toMatchObject({ generated: 7, applied: 5, dismissed: 1, measured: 4 });
    expect(stats.overall.meanEffectiveness).toBeCloseTo((0.8 + 0.4 + 0.9) / 3);
    expect(stats.topEffective.map((r) => r.recommendation.id)).toEqual(['l1', 'f1']);
  });

  it('answers zeros, not NaN, with nothing to divide', () => {
    const stats = computeStats([], 5);
    expect(stats.overall).toMatchObject({
      generated: 0,
      successRate: 0,
      meanEffectiveness: 0,
      acceptanceRate: 0,
    });
    expect(stats.categories).toEqual([]);
  });
});
