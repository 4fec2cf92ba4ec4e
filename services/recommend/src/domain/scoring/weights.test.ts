import { describe, expect, it } from '@jest/globals';
import { isRagfleetError } from '@ragfleet/errors';
import { FACTOR_NAMES } from './types.ts';
import { SEED_WEIGHTS, adjustForContext, parseWeights } from './weights.ts';

const sum = (factors: Record<string, number>) => Object.values(factors).reduce((a, b) => a + b, 0);

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (!isRagfleetError(error) || error.code !== 'INVALID_ARGUMENT') throw error;
    return (error.details?.fields as { field: string }[]).map((f) => f.field);
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('weights', () => {
  it("the seed weights are valid and are the issue's", () => {
    expect(parseWeights(SEED_WEIGHTS)).toEqual(SEED_WEIGHTS);
    expect(SEED_WEIGHTS.factors.revenue_impact).toBe(0.3);
    expect(sum(SEED_WEIGHTS.factors)).toBeCloseTo(1, 9);
  });

  it('refuses negative, non-numeric, missing and unknown weights, naming each field', () => {
    const factors = {
      ...SEED_WEIGHTS.factors,
      risk_level: -0.15,
      time_to_value: 'x',
      novelty: 0.1,
    } as Record<string, unknown>;
    delete factors.network_conditions;
    const fields = fieldsOf(() => parseWeights({ version: 'v2', factors }));
    expect(fields).toEqual(
      expect.arrayContaining([
        'factors.risk_level',
        'factors.time_to_value',
        'factors.network_conditions',
        'factors',
      ]),
    );
  });

  it('refuses weights that do not sum to 1, and an empty version', () => {
    expect(
      fieldsOf(() =>
        parseWeights({ version: 'v2', factors: { ...SEED_WEIGHTS.factors, revenue_impact: 0.5 } }),
      ),
    ).toEqual(['factors']);
    expect(fieldsOf(() => parseWeights({ ...SEED_WEIGHTS, version: ' ' }))).toEqual(['version']);
    expect(fieldsOf(() => parseWeights(null))).toEqual(['(root)']);
  });
});

describe('context adjustment', () => {
  it("poor health raises risk's weight; the weights still sum to 1 and keep their order of the rest", () => {
    for (const health of [0, 0.25, 0.5, 0.9]) {
      const adjusted = adjustForContext(SEED_WEIGHTS, health);
      expect(adjusted.factors.risk_level).toBeGreaterThan(SEED_WEIGHTS.factors.risk_level);
      expect(sum(adjusted.factors)).toBeCloseTo(1, 12);
      expect(adjusted.version).toBe(SEED_WEIGHTS.version);
      for (const name of FACTOR_NAMES.filter((n) => n !== 'risk_level')) {
        expect(adjusted.factors[name]).toBeLessThan(SEED_WEIGHTS.factors[name]);
      }
    }
    expect(adjustForContext(SEED_WEIGHTS, 0).factors.risk_level).toBeGreaterThan(
      adjustForContext(SEED_WEIGHTS, 0.5).factors.risk_level,
    );
  });

  it('a healthy or unknown subject keeps the weights', () => {
    expect(adjustForContext(SEED_WEIGHTS, 1).factors).toEqual(SEED_WEIGHTS.factors);
    expect(adjustForContext(SEED_WEIGHTS, undefined)).toBe(SEED_WEIGHTS);
  });
});
