import { describe, expect, it } from '@jest/globals';
import { FACTOR_NAMES, SEED_WEIGHTS, type FactorName } from '@ragfleet/recommend/domain/scoring/index.ts';
import { fitWeights, type FitSettings, type Sample } from './fit-weights.ts';
import { seededRandom } from '@ragfleet/seeded-random';

type Factors = Record<FactorName, number>;

const HIDDEN: Factors = {
  revenue_impact: 0.05,
  ease_of_implementation: 0.4,
  risk_level: 0.05,
  time_to_value: 0.3,
  data_confidence: 0.1,
  network_conditions: 0.1,
};

/** Outcomes whose effectiveness is 0.5 + (Σ hidden · factor − 0.5), plus noise. */
function synthetic(n: number, seed = 7, noise = 0.05): Sample[] {
  const next = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const factors = Object.fromEntries(FACTOR_NAMES.map((name) => [name, next()])) as Factors;
    const signal = FACTOR_NAMES.reduce((sum, name) => sum + HIDDEN[name] * factors[name], 0);
    return { factors, effectiveness: Math.min(1, Math.max(0, signal + noise * (next() - 0.5))) };
  });
}

const settings: FitSettings = { ridgeLambda: 1, priorStrength: 50, maxStep: 0.05, minOutcomes: 20 };
const seed = { ...SEED_WEIGHTS.factors };
const sum = (w: Factors) => FACTOR_NAMES.reduce((total, name) => total + w[name], 0);

describe('fitWeights', () => {
  it('fits nothing below the minimum number of outcomes', () => {
    expect(fitWeights(synthetic(19), seed, settings)).toBeUndefined();
    expect(fitWeights(synthetic(20), seed, settings)).toBeDefined();
  });

  it('recovers the hidden weights when neither the prior nor the cap holds it back', () => {
    const fit = fitWeights(synthetic(4_000), seed, { ...settings, priorStrength: 0, maxStep: 1 });
    for (const name of FACTOR_NAMES) expect(fit?.weights[name]).toBeCloseTo(HIDDEN[name], 1);
    expect(fit?.errorAfter).toBeLessThan(fit?.errorBefore ?? 0);
  });

  it('moves toward the hidden weights, no weight further than the cap, summing to 1', () => {
    const fit = fitWeights(synthetic(500), seed, settings);
    expect(fit).toBeDefined();
    const weights = fit?.weights as Factors;
    expect(sum(weights)).toBeCloseTo(1, 12);
    let alignment = 0;
    for (const name of FACTOR_NAMES) {
      const move = weights[name] - seed[name];
      expect(Math.abs(move)).toBeLessThanOrEqual(settings.maxStep + 1e-12);
      expect(weights[name]).toBeGreaterThanOrEqual(0);
      alignment += move * (HIDDEN[name] - seed[name]);
    }
    expect(alignment).toBeGreaterThan(0);
    expect(fit?.maxChange).toBeCloseTo(settings.maxStep, 9);
    expect(weights.ease_of_implementation).toBeGreaterThan(seed.ease_of_implementation);
    expect(weights.revenue_impact).toBeLessThan(seed.revenue_impact);
  });

  it('moves less with fewer outcomes (the prior pulls toward the current weights)', () => {
    const loose = { ...settings, maxStep: 1 };
    const few = fitWeights(synthetic(30), seed, loose);
    const many = fitWeights(synthetic(3_000), seed, loose);
    expect(few?.maxChange).toBeLessThan(many?.maxChange ?? 0);
  });

  it('repeated fits converge on the hidden weights, one capped step at a time', () => {
    const samples = synthetic(2_000);
    let current: Factors = seed;
    for (let round = 0; round < 30; round++) {
      current = fitWeights(samples, current, { ...settings, priorStrength: 0 })?.weights ?? current;
      expect(sum(current)).toBeCloseTo(1, 12);
    }
    for (const name of FACTOR_NAMES) expect(current[name]).toBeCloseTo(HIDDEN[name], 1);
  });

  it('keeps the current weights when the outcomes show no direction', () => {
    const flat = synthetic(100).map((s) => ({ ...s, effectiveness: 0.5 }));
    const fit = fitWeights(flat, seed, settings);
    expect(fit?.maxChange).toBeCloseTo(0, 12);
  });
});
