import { describe, expect, it } from '@jest/globals';
import { isRagfleetError } from '@ragfleet/errors';
import { estimateCost } from './cost.ts';
import { countTokens } from './token-counter.ts';

describe('estimateCost', () => {
  it('prices input and the maximum output at the model prices per million tokens', () => {
    // 1,200 in at $3/Mtok + 800 out at $15/Mtok = 0.0036 + 0.012
    expect(
      estimateCost(
        { inputTokens: 1200, maxOutputTokens: 800 },
        { inputPricePerMtok: 3, outputPricePerMtok: 15 },
      ),
    ).toBe(0.0156);
    expect(
      estimateCost({ inputTokens: 0, maxOutputTokens: 0 }, { inputPricePerMtok: 3, outputPricePerMtok: 15 }),
    ).toBe(0);
  });

  it('rounds to the micro-dollar, without floating-point residue', () => {
    // 3 × 0.1 is 0.30000000000000004 in floating point.
    expect(
      estimateCost({ inputTokens: 3, maxOutputTokens: 0 }, { inputPricePerMtok: 0.1, outputPricePerMtok: 0 }),
    ).toBe(0);
    expect(
      estimateCost(
        { inputTokens: 3_000_000, maxOutputTokens: 0 },
        { inputPricePerMtok: 0.1, outputPricePerMtok: 0 },
      ),
    ).toBe(0.3);
    expect(
      estimateCost(
        { inputTokens: 7, maxOutputTokens: 0 },
        { inputPricePerMtok: 0.15, outputPricePerMtok: 0 },
      ),
    ).toBe(0.000001);
  });

  it('refuses negative, fractional, non-finite and absurd inputs, naming each field', () => {
    try {
      estimateCost(
        { inputTokens: -1, maxOutputTokens: 1.5 },
        { inputPricePerMtok: Number.NaN, outputPricePerMtok: 1e7 },
      );
      throw new Error('expected INVALID_ARGUMENT');
    } catch (error) {
      expect(isRagfleetError(error) && error.code).toBe('INVALID_ARGUMENT');
      const fields = (isRagfleetError(error) ? (error.details?.fields as { field: string }[]) : []).map(
        (f) => f.field,
      );
      expect(fields).toEqual(['inputTokens', 'maxOutputTokens', 'inputPricePerMtok', 'outputPricePerMtok']);
    }
  });
});

describe('countTokens', () => {
  it('counts o200k_base tokens, not characters', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello world')).toBe(2);
    const text = 'Explain the difference between a circuit breaker and a retry budget. '.repeat(20);
    const tokens = countTokens(text);
    expect(tokens).toBeGreaterThan(100);
    expect(tokens).toBeLessThan(text.length / 3);
  });
});
