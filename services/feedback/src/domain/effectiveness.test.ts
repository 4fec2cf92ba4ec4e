import { describe, expect, it } from '@jest/globals';
import { loadPack } from '@ragfleet/packs';
import { measureOutcome, relativeChange } from './effectiveness.ts';
import type { Snapshot } from './records.ts';

const outcome = loadPack('lightning').outcome;

const snapshot = (subject: Record<string, number>): Snapshot => ({
  observedAt: '2026-01-01T00:00:00.000Z',
  subject,
  collections: {},
});

describe('relativeChange', () => {
  it('is the change over the absolute start, clamped to [-1, 1]', () => {
    expect(relativeChange(100, 110)).toBeCloseTo(0.1);
    expect(relativeChange(100, 80)).toBeCloseTo(-0.2);
    expect(relativeChange(100, 500)).toBe(1);
    expect(relativeChange(100, -500)).toBe(-1);
    expect(relativeChange(-100, -50)).toBeCloseTo(0.5);
  });

  it('from zero: any rise is +1, any fall −1, none 0', () => {
    expect(relativeChange(0, 5)).toBe(1);
    expect(relativeChange(0, -5)).toBe(-1);
    expect(relativeChange(0, 0)).toBe(0);
  });
});

describe('measureOutcome with the lightning pack (revenue 0.6, success rate 0.4)', () => {
  it('is 0.5 + 0.5 · Σ weight · change', () => {
    const m = measureOutcome(
      outcome,
      snapshot({ routing_revenue_sat_30d: 1_000, forward_success_rate: 0.8 }),
      snapshot({ routing_revenue_sat_30d: 1_200, forward_success_rate: 0.88 }),
    );
    expect(m?.changes).toEqual({
      'node.routing_revenue_sat_30d': expect.closeTo(0.2, 9),
      'node.forward_success_rate': expect.closeTo(0.1, 9),
    });
    expect(m?.effectiveness).toBeCloseTo(0.5 + 0.5 * (0.6 * 0.2 + 0.4 * 0.1), 9);
  });

  it('is 0.5 for no change, and stays within [0, 1] at the extremes', () => {
    const same = snapshot({ routing_revenue_sat_30d: 1_000, forward_success_rate: 0.8 });
    expect(measureOutcome(outcome, same, same)?.effectiveness).toBe(0.5);
    const best = measureOutcome(
      outcome,
      same,
      snapshot({ routing_revenue_sat_30d: 9e9, forward_success_rate: 9 }),
    );
    expect(best?.effectiveness).toBe(1);
    const worst = measureOutcome(
      outcome,
      same,
      snapshot({ routing_revenue_sat_30d: -9e9, forward_success_rate: -9 }),
    );
    expect(worst?.effectiveness).toBe(0);
  });

  it('scales the weights of the metrics present back to 1, and is undefined with none', () => {
    const m = measureOutcome(
      outcome,
      snapshot({ routing_revenue_sat_30d: 1_000 }),
      snapshot({ routing_revenue_sat_30d: 1_100, forward_success_rate: 0.9 }),
    );
    expect(Object.keys(m?.changes ?? {})).toEqual(['node.routing_revenue_sat_30d']);
    expect(m?.effectiveness).toBeCloseTo(0.55, 9);
    expect(measureOutcome(outcome, snapshot({ channels: 3 }), snapshot({ channels: 4 }))).toBeUndefined();
  });
});
