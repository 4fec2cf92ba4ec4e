import { describe, expect, it } from '@jest/globals';
import { scoreCandidate } from './score.ts';
import type { Candidate } from './types.ts';
import { SEED_WEIGHTS } from './weights.ts';

describe('reasoning', () => {
  it('names the top factors in plain words after the score', () => {
    const candidate: Candidate = {
      id: 'r',
      category: 'liquidity',
      action: 'rebalance',
      target: 'chan-1',
      effects: { revenueDeltaFraction: 0.25, steps: 1, risk: 0.05 },
    };
    const scored = scoreCandidate(candidate, {}, SEED_WEIGHTS);
    expect(scored.drivers).toEqual(['revenue_impact', 'ease_of_implementation', 'risk_level']);
    expect(scored.reasoning).toBe(
      `${scored.score.toFixed(1)}/100: high revenue impact, easy to apply, low risk`,
    );
  });

  it('names what pulled a score down, and leaves out factors without inputs', () => {
    const candidate: Candidate = {
      id: 'r',
      category: 'fees',
      action: 'raise fee',
      target: 'chan-2',
      effects: { risk: 0.95, daysToValue: 60 },
    };
    const scored = scoreCandidate(candidate, { networkConditions: 0.5 }, SEED_WEIGHTS);
    expect(scored.reasoning).toMatch(/^\d+\.\d\/100: high risk, slow to pay off$/);
  });

  it('says so when nothing was known', () => {
    const scored = scoreCandidate(
      { id: 'n', category: 'c', action: 'a', target: '', effects: {} },
      {},
      SEED_WEIGHTS,
    );
    expect(scored.reasoning).toBe('50.0/100: no inputs to judge by');
  });
});
