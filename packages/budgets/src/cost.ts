import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';
import { MAX_USD, MICROS_PER_USD } from './money.ts';

export interface TokenEstimate {
  inputTokens: number;
  /** The request's max output tokens: a reservation must cover the longest answer allowed. */
  maxOutputTokens: number;
}

/** A model's prices in USD per million tokens, as the catalog lists them. */
export interface ModelPrices {
  inputPricePerMtok: number;
  outputPricePerMtok: number;
}

/** A generous ceiling: beyond it a token count is a bug, not a prompt. */
const MAX_TOKENS = 1e9;

function check(problems: FieldProblem[], field: string, value: unknown, max: number, whole: boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value))
    problems.push({ field, message: 'must be a finite number' });
  else if (value < 0) problems.push({ field, message: 'must not be negative' });
  else if (value > max) problems.push({ field, message: `must be at most ${max}` });
  else if (whole && !Number.isInteger(value)) problems.push({ field, message: 'must be a whole number' });
}

/**
 * The cost in USD of a generation of at most these tokens at these prices, rounded to the
 * micro-dollar the budgets count in. A price per million tokens times a token count is exactly
 * micro-dollars, so the only rounding is that one.
 */
export function estimateCost(tokens: TokenEstimate, prices: ModelPrices): number {
  const problems: FieldProblem[] = [];
  check(problems, 'inputTokens', tokens?.inputTokens, MAX_TOKENS, true);
  check(problems, 'maxOutputTokens', tokens?.maxOutputTokens, MAX_TOKENS, true);
  check(problems, 'inputPricePerMtok', prices?.inputPricePerMtok, 1e6, false);
  check(problems, 'outputPricePerMtok', prices?.outputPricePerMtok, 1e6, false);
  if (problems.length > 0) {
    const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    throw new RagfleetError('INVALID_ARGUMENT', summary, { details: fieldDetails(problems) });
  }
  const micros = Math.round(
    tokens.inputTokens * prices.inputPricePerMtok + tokens.maxOutputTokens * prices.outputPricePerMtok,
  );
  return Math.min(micros, MAX_USD * MICROS_PER_USD) / MICROS_PER_USD;
}
