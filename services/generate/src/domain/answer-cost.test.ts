import { describe, expect, it } from '@jest/globals';
import { estimateCost } from '../../../../packages/budgets/src/cost.ts';
import { answerCostUsd } from './answer-cost.ts';

describe('answerCostUsd', () => {
  it("equals the router's settle (estimateCost) to the micro-dollar, fractions of one included", () => {
    const prices = { inputPricePerMtok: 0.25, outputPricePerMtok: 1.25 };
    for (const [inputTokens, outputTokens] of [
      [345, 7],
      [1, 1],
      [123_457, 2_049],
      [0, 0],
    ] as const) {
      const cost = answerCostUsd(prices, { inputTokens, outputTokens });
      expect(cost).toBe(estimateCost({ inputTokens, maxOutputTokens: outputTokens }, prices));
    }
    // 345 × 0.25 + 7 × 1.25 = 95 micro-dollars exactly; 1 × 0.25 + 1 × 1.25 = 1.5 rounds to 2.
    expect(answerCostUsd(prices, { inputTokens: 345, outputTokens: 7 })).toBe(0.000095);
    expect(answerCostUsd(prices, { inputTokens: 1, outputTokens: 1 })).toBe(0.000002);
  });

  it('costs nothing for a model without prices', () => {
    expect(answerCostUsd({}, { inputTokens: 1_000, outputTokens: 1_000 })).toBe(0);
  });
});
