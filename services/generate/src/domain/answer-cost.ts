import type { ModelChoice } from './ports.ts';

const MICROS_PER_USD = 1_000_000;

/**
 * What an answer cost in USD at the chosen model's catalog prices (USD per million tokens), from
 * the token counts of its usage event: the same counts whether the client read the answer as a
 * stream or whole. Rounded to the micro-dollar, as the router's budgets settle it (a price per
 * million tokens times tokens is micro-dollars; @ragfleet/budgets' estimateCost rounds there),
 * so `done`, the ledger and the budget agree to the unit. A model without prices costs 0.
 */
export function answerCostUsd(
  choice: Pick<ModelChoice, 'inputPricePerMtok' | 'outputPricePerMtok'>,
  usage: { inputTokens: number; outputTokens: number },
): number {
  const micros =
    usage.inputTokens * (choice.inputPricePerMtok ?? 0) +
    usage.outputTokens * (choice.outputPricePerMtok ?? 0);
  return Math.round(micros) / MICROS_PER_USD;
}
