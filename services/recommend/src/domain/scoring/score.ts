import { computeFactors } from './factors.ts';
import { parseCandidate, parseSubjectContext } from './inputs.ts';
import { priorityFor, type Priority } from './priority.ts';
import { driversOf, reasoningText } from './reasoning.ts';
import {
  FACTOR_NAMES,
  type Candidate,
  type FactorName,
  type FactorValues,
  type SubjectContext,
} from './types.ts';
import { adjustForContext, type Weights } from './weights.ts';

export interface ScoredCandidate {
  candidate: Candidate;
  /** Composite 0–100, one decimal: 100 × Σ weight × factor, with the context-adjusted weights. */
  score: number;
  priority: Priority;
  /** 0–1: how far to trust the score (see confidenceOf). */
  confidence: number;
  reasoning: string;
  drivers: FactorName[];
  factors: FactorValues;
  /** The weights actually applied (after context adjustment) and the version they came from. */
  weightsApplied: Record<FactorName, number>;
  weightsVersion: string;
}

/**
 * confidence = (share of the six factors with real inputs) × (0.5 + 0.5 × strict data confidence),
 * where strict data confidence is input coverage × metric completeness with a missing term
 * counted as 0, not neutral: missing inputs never raise the confidence, and a candidate with
 * every input but no evidence of its data still gets half.
 */
export function confidenceOf(factors: FactorValues, candidate: Candidate, context: SubjectContext): number {
  const share = FACTOR_NAMES.filter((name) => factors[name].hasInput).length / FACTOR_NAMES.length;
  const { inputsPresent, inputsExpected } = candidate.effects;
  const coverage =
    inputsPresent === undefined || inputsExpected === undefined
      ? 0
      : inputsExpected === 0
        ? 1
        : Math.min(1, inputsPresent / inputsExpected);
  const strict = coverage * (context.metricCompleteness ?? 0);
  return round(share * (0.5 + 0.5 * strict), 3);
}

/** Scores one candidate; input that is not a valid candidate or context is INVALID_ARGUMENT. */
export function scoreCandidate(input: unknown, contextInput: unknown, weights: Weights): ScoredCandidate {
  const candidate = parseCandidate(input);
  const context = parseSubjectContext(contextInput);
  return scoreValid(candidate, context, adjustForContext(weights, context.health), weights.version);
}

/**
 * Scores a batch against one subject: sorted by score, highest first; equal scores by id
 * (code-unit order, not locale), so the order is the same on every machine.
 */
export function scoreBatch(
  inputs: readonly unknown[],
  contextInput: unknown,
  weights: Weights,
): ScoredCandidate[] {
  const context = parseSubjectContext(contextInput);
  const applied = adjustForContext(weights, context.health);
  const scored = inputs.map((input, index) =>
    scoreValid(parseCandidate(input, `candidates.${index}`), context, applied, weights.version),
  );
  return scored.sort((a, b) => b.score - a.score || compareIds(a.candidate.id, b.candidate.id));
}

function scoreValid(
  candidate: Candidate,
  context: SubjectContext,
  applied: Weights,
  version: string,
): ScoredCandidate {
  const factors = computeFactors(candidate, context);
  const sum = FACTOR_NAMES.reduce((total, name) => total + applied.factors[name] * factors[name].value, 0);
  const score = round(100 * sum, 1);
  return {
    candidate,
    score,
    priority: priorityFor(score),
    confidence: confidenceOf(factors, candidate, context),
    reasoning: reasoningText(score, factors, applied.factors),
    drivers: driversOf(factors, applied.factors),
    factors,
    weightsApplied: applied.factors,
    weightsVersion: version,
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
