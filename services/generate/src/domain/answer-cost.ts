import type { ModelChoice } from './ports.ts';

const TOKENS_PER_PRICE_UNIT = 1_000_000;

/**
 * What an answer cost in USD at the chosen model's catalog prices (USD per million tokens), from
 * the token counts of its usage event: the same counts whether the client read the answer as a
 * stream or whole. A model without prices (local, extractive) costs 0.
 */
export function answerCostUsd(
  choice: Pick<ModelChoice, 'inputPricePerMtok' | 'outputPricePerMtok'>,
  usage: { inputTokens: number; outputTokens: number },
): number {
  const input = usage.inputTokens * (choice.inputPricePerMtok ?? 0);
  const output = usage.outputTokens * (choice.outputPricePerMtok ?? 0);
  return (input + output) / TOKENS_PER_PRICE_UNIT;
}
