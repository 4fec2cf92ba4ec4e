import { describe, expect, it } from '@jest/globals';
import { isRagfleetError } from '@ragfleet/errors';
import { computeFactors } from './factors.ts';
import { priorityFor } from './priority.ts';
import { scoreBatch, scoreCandidate } from './score.ts';
import {
  FACTOR_NAMES,
  type Candidate,
  type ExpectedEffects,
  type FactorName,
  type SubjectContext,
} from './types.ts';
import { SEED_WEIGHTS } from './weights.ts';
import { seededRandom } from '@ragfleet/seeded-random';

function randomCase(random: () => number, index: number): { candidate: Candidate; context: SubjectContext } {
  const expected = 1 + Math.floor(random() * 10);
  return {
    candidate: {
      id: `c${index}`,
      category: 'liquidity',
      action: 'rebalance',
      target: `chan-${index}`,
      effects: {
        revenueDeltaFraction: random() * 0.6 - 0.3,
        steps: 1 + Math.floor(random() * 8),
        risk: random() * 0.9,
        daysToValue: random() * 30,
        inputsPresent: Math.floor(random() * expected),
        inputsExpected: expected,
      },
    },
    context: {
      health: random(),
      networkConditions: random() * 0.9,
      metricCompleteness: 0.1 + random() * 0.8,
    },
  };
}

/** One change per factor that makes its input better, by a random amount. */
const IMPROVE: Record<
  FactorName,
  (c: Candidate, x: SubjectContext, by: number) => [ExpectedEffects, SubjectContext]
> = {
  revenue_impact: (c, x, by) => [
    { ...c.effects, revenueDeltaFraction: c.effects.revenueDeltaFraction! + by },
    x,
  ],
  ease_of_implementation: (c, x) => [{ ...c.effects, steps: Math.max(1, c.effects.steps! - 1) }, x],
  risk_level: (c, x, by) => [{ ...c.effects, risk: Math.max(0, c.effects.risk! - by) }, x],
  time_to_value: (c, x, by) => [
    { ...c.effects, daysToValue: Math.max(0, c.effects.daysToValue! - 10 * by) },
    x,
  ],
  data_confidence: (c, x) => [{ ...c.effects, inputsPresent: c.effects.inputsExpected }, x],
  network_conditions: (c, x, by) => [
    c.effects,
    { ...x, networkConditions: Math.min(1, x.networkConditions! + by) },
  ],
};

describe('scoring: monotone in each factor', () => {
  for (const name of FACTOR_NAMES) {
    it(`a better ${name} input never lowers the score, and raises the factor (200 seeded cases)`, () => {
      const random = seededRandom(13 + name.length);
      let strictlyRaised = 0;
      for (let i = 0; i < 200; i++) {
        const { candidate, context } = randomCase(random, i);
        const [effects, better] = IMPROVE[name](candidate, context, 0.05 + random() * 0.2);
        const improved = { ...candidate, effects };
        const before = scoreCandidate(candidate, context, SEED_WEIGHTS);
        const after = scoreCandidate(improved, better, SEED_WEIGHTS);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        const f0 = computeFactors(candidate, context)[name].value;
        const f1 = computeFactors(improved, better)[name].value;
        expect(f1).toBeGreaterThanOrEqual(f0);
        if (f1 > f0) strictlyRaised++;
      }
      // The generator leaves room to improve in almost every case; a factor that ignored its
      // input would raise none.
      expect(strictlyRaised).toBeGreaterThan(150);
    });
  }
});

describe('scoring: risk is inverted', () => {
  it('more risk scores lower, the rest equal', () => {
    const base: Candidate = {
      id: 'a',
      category: 'fees',
      action: 'raise fee',
      target: 'x',
      effects: { risk: 0.1 },
    };
    const risky = { ...base, effects: { risk: 0.9 } };
    const low = scoreCandidate(base, {}, SEED_WEIGHTS);
    const high = scoreCandidate(risky, {}, SEED_WEIGHTS);
    expect(low.factors.risk_level.value).toBeCloseTo(0.9);
    expect(high.factors.risk_level.value).toBeCloseTo(0.1);
    expect(high.score).toBeLessThan(low.score);
  });
});

describe('scoring: priority thresholds at their edges', () => {
  it.each([
    [100, 'CRITICAL'],
    [85, 'CRITICAL'],
    [84.9, 'HIGH'],
    [70, 'HIGH'],
    [69.9, 'MEDIUM'],
    [50, 'MEDIUM'],
    [49.9, 'LOW'],
    [30, 'LOW'],
    [29.9, 'INFO'],
    [0, 'INFO'],
  ])('%d is %s', (score, priority) => {
    expect(priorityFor(score)).toBe(priority);
  });

  it('a scored candidate carries the priority of its score', () => {
    const best: Candidate = {
      id: 'b',
      category: 'liquidity',
      action: 'rebalance',
      target: 'y',
      effects: {
        revenueDeltaFraction: 0.3,
        steps: 1,
        risk: 0,
        daysToValue: 0,
        inputsPresent: 4,
        inputsExpected: 4,
      },
    };
    const scored = scoreCandidate(best, { networkConditions: 1, metricCompleteness: 1 }, SEED_WEIGHTS);
    expect(scored.score).toBeGreaterThanOrEqual(85);
    expect(scored.priority).toBe('CRITICAL');
    const worst = {
      ...best,
      effects: {
        revenueDeltaFraction: -0.3,
        steps: 20,
        risk: 1,
        daysToValue: 90,
        inputsPresent: 0,
        inputsExpected: 4,
      },
    };
    expect(
      scoreCandidate(worst, { networkConditions: 0, metricCompleteness: 0 }, SEED_WEIGHTS).priority,
    ).toBe('INFO');
  });
});

describe('scoring: confidence', () => {
  const full: Candidate = {
    id: 'f',
    category: 'fees',
    action: 'lower fee',
    target: 'z',
    effects: {
      revenueDeltaFraction: 0.05,
      steps: 2,
      risk: 0.2,
      daysToValue: 3,
      inputsPresent: 3,
      inputsExpected: 4,
    },
  };
  const context: SubjectContext = { health: 0.8, networkConditions: 0.6, metricCompleteness: 0.9 };

  it('falls as inputs go missing, one at a time', () => {
    let previous = scoreCandidate(full, context, SEED_WEIGHTS).confidence;
    let effects: ExpectedEffects = { ...full.effects };
    for (const key of ['revenueDeltaFraction', 'steps', 'risk', 'daysToValue'] as const) {
      effects = { ...effects, [key]: undefined };
      const now = scoreCandidate({ ...full, effects }, context, SEED_WEIGHTS).confidence;
      expect(now).toBeLessThan(previous);
      previous = now;
    }
    const noEvidence = scoreCandidate(
      { ...full, effects: { ...full.effects, inputsPresent: undefined, inputsExpected: undefined } },
      context,
      SEED_WEIGHTS,
    );
    expect(noEvidence.confidence).toBeLessThan(scoreCandidate(full, context, SEED_WEIGHTS).confidence);
    const nothing = scoreCandidate({ ...full, effects: {} }, {}, SEED_WEIGHTS);
    expect(nothing.confidence).toBe(0);
    expect(nothing.score).toBe(50);
  });

  it('falls with poorer data: lower coverage or metric completeness', () => {
    const base = scoreCandidate(full, context, SEED_WEIGHTS).confidence;
    const thin = scoreCandidate(
      { ...full, effects: { ...full.effects, inputsPresent: 1 } },
      context,
      SEED_WEIGHTS,
    );
    expect(thin.confidence).toBeLessThan(base);
    expect(
      scoreCandidate(full, { ...context, metricCompleteness: 0.3 }, SEED_WEIGHTS).confidence,
    ).toBeLessThan(base);
  });
});

describe('scoring: batch', () => {
  it('sorts by score, highest first, ties by id', () => {
    const make = (id: string, revenueDeltaFraction: number): Candidate => ({
      id,
      category: 'fees',
      action: 'raise fee',
      target: id,
      effects: { revenueDeltaFraction },
    });
    const batch = [make('m', 0), make('b', 0.2), make('z', 0), make('a', 0), make('c', -0.2)];
    const scored = scoreBatch(batch, {}, SEED_WEIGHTS);
    expect(scored.map((s) => s.candidate.id)).toEqual(['b', 'a', 'm', 'z', 'c']);
    expect(scored.every((s) => s.weightsVersion === 'seed-1')).toBe(true);
  });

  it('refuses an invalid candidate naming its index and field', () => {
    const bad = { id: 'x', category: 'fees', action: 'a', target: 't', effects: { risk: Number.NaN } };
    try {
      scoreBatch([{ ...bad, effects: {} }, bad], {}, SEED_WEIGHTS);
      throw new Error('expected a RagfleetError');
    } catch (error) {
      expect(isRagfleetError(error) && error.code).toBe('INVALID_ARGUMENT');
      const fields = (error as { details: { fields: { field: string }[] } }).details.fields;
      expect(fields.map((f) => f.field)).toEqual(['candidates.1.effects.risk']);
    }
  });
});

describe('scoring: context adjustment reaches the score', () => {
  it('a risky candidate scores lower for a subject in poor health, a safe one higher', () => {
    const make = (risk: number): Candidate => ({
      id: `r${risk}`,
      category: 'liquidity',
      action: 'close channel',
      target: 'chan-9',
      effects: { revenueDeltaFraction: 0.05, steps: 3, risk },
    });
    const healthy = { health: 1, networkConditions: 0.6 };
    const ailing = { health: 0.1, networkConditions: 0.6 };
    expect(scoreCandidate(make(0.9), ailing, SEED_WEIGHTS).score).toBeLessThan(
      scoreCandidate(make(0.9), healthy, SEED_WEIGHTS).score,
    );
    expect(scoreCandidate(make(0), ailing, SEED_WEIGHTS).score).toBeGreaterThan(
      scoreCandidate(make(0), healthy, SEED_WEIGHTS).score,
    );
    const applied = scoreCandidate(make(0.5), ailing, SEED_WEIGHTS).weightsApplied;
    expect(applied.risk_level).toBeGreaterThan(SEED_WEIGHTS.factors.risk_level);
  });
});
