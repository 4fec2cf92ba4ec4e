import { RagfleetError, fieldDetails, type FieldProblem } from '@ragfleet/errors';
import { z } from 'zod';
import { FACTOR_NAMES, type FactorName } from './types.ts';

/**
 * Factor weights as data: versioned so that a score names the weights it used and learning can
 * publish new versions (issue 13). Valid weights are non-negative, cover exactly the six factors
 * and sum to 1 (within SUM_TOLERANCE, for weights fitted in floating point).
 */
export interface Weights {
  version: string;
  factors: Record<FactorName, number>;
}

export const SUM_TOLERANCE = 1e-6;

/** The seed weights of issue 13. */
export const SEED_WEIGHTS: Weights = Object.freeze({
  version: 'seed-1',
  factors: Object.freeze({
    revenue_impact: 0.3,
    ease_of_implementation: 0.2,
    risk_level: 0.15,
    time_to_value: 0.15,
    data_confidence: 0.1,
    network_conditions: 0.1,
  }),
}) as Weights;

const weight = z.number().finite().nonnegative();
const schema = z.object({
  version: z.string().trim().min(1),
  factors: z.strictObject(
    Object.fromEntries(FACTOR_NAMES.map((name) => [name, weight])) as Record<FactorName, typeof weight>,
  ),
});

/** Checks unknown input into Weights, or throws INVALID_ARGUMENT listing every bad field. */
export function parseWeights(input: unknown): Weights {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems: FieldProblem[] = parsed.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join('.') : '(root)',
      message: issue.message,
    }));
    throw invalidWeights(problems);
  }
  const sum = FACTOR_NAMES.reduce((total, name) => total + parsed.data.factors[name], 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    throw invalidWeights([{ field: 'factors', message: `weights must sum to 1 (they sum to ${sum})` }]);
  }
  return parsed.data as Weights;
}

function invalidWeights(problems: FieldProblem[]): RagfleetError {
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  return new RagfleetError('INVALID_ARGUMENT', `Invalid weights: ${summary}`, {
    details: fieldDetails(problems),
  });
}

/**
 * The weights for one subject. A subject in poor health can afford less harm, so risk_level's
 * weight is multiplied by (2 − health) — doubled at health 0, unchanged at health 1 or when health
 * is unknown — and all weights are then divided by their sum so that they again sum to 1.
 * The version is kept: the adjustment is a fixed function of it, not a new version.
 */
export function adjustForContext(weights: Weights, health: number | undefined): Weights {
  if (health === undefined) return weights;
  const riskFactor = 2 - Math.min(1, Math.max(0, health));
  const raw = { ...weights.factors, risk_level: weights.factors.risk_level * riskFactor };
  const sum = FACTOR_NAMES.reduce((total, name) => total + raw[name], 0);
  if (sum === 0) return weights;
  const factors = Object.fromEntries(FACTOR_NAMES.map((name) => [name, raw[name] / sum]));
  return { version: weights.version, factors: factors as Record<FactorName, number> };
}
