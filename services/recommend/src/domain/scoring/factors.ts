import type { Candidate, FactorName, FactorValue, FactorValues, SubjectContext } from './types.ts';

/**
 * The six factors, each a function of the candidate and the context into 0–1 where 1 is best.
 * A missing input gives NEUTRAL (0.5, neither for nor against) and `hasInput: false`, which the
 * confidence counts. Every factor is monotone in its input, so a better input never lowers a score.
 */
export const NEUTRAL = 0.5;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const known = (value: number): FactorValue => ({ value: clamp01(value), hasInput: true });
const missing: FactorValue = { value: NEUTRAL, hasInput: false };

/**
 * revenue_impact = 1 / (1 + e^(−r / 0.05)), r the expected revenue delta fraction: a logistic
 * centred on no change (0.5), +10 % gives 0.88, +20 % 0.98, −10 % 0.12. Strictly increasing, and
 * never saturates hard, so a larger gain always ranks higher.
 */
export function revenueImpact(candidate: Candidate): FactorValue {
  const r = candidate.effects.revenueDeltaFraction;
  return r === undefined ? missing : known(1 / (1 + Math.exp(-r / 0.05)));
}

/** ease_of_implementation = 3 / (2 + steps): one step is 1, four steps 0.5, ten steps 0.25. */
export function easeOfImplementation(candidate: Candidate): FactorValue {
  const steps = candidate.effects.steps;
  return steps === undefined ? missing : known(3 / (2 + Math.max(1, steps)));
}

/** risk_level = 1 − risk: inverted, so more risk scores lower. */
export function riskLevel(candidate: Candidate): FactorValue {
  const risk = candidate.effects.risk;
  return risk === undefined ? missing : known(1 - risk);
}

/** time_to_value = 7 / (7 + days): at once is 1, a week 0.5, a month 0.19. */
export function timeToValue(candidate: Candidate): FactorValue {
  const days = candidate.effects.daysToValue;
  return days === undefined ? missing : known(7 / (7 + Math.max(0, days)));
}

/** Share of the inputs the producer needed that it had, or undefined when it did not say. */
export function inputCoverage(candidate: Candidate): number | undefined {
  const { inputsPresent, inputsExpected } = candidate.effects;
  if (inputsPresent === undefined || inputsExpected === undefined) return undefined;
  return inputsExpected === 0 ? 1 : clamp01(inputsPresent / inputsExpected);
}

/**
 * data_confidence = coverage × metric completeness (coverage = inputs present / expected).
 * A missing term counts as 0.5; with both missing the factor is neutral and has no input.
 */
export function dataConfidence(candidate: Candidate, context: SubjectContext): FactorValue {
  const coverage = inputCoverage(candidate);
  const completeness = context.metricCompleteness;
  if (coverage === undefined && completeness === undefined) return missing;
  return known((coverage ?? NEUTRAL) * (completeness ?? NEUTRAL));
}

/** network_conditions = the context's network conditions as given (0 poor, 1 favourable). */
export function networkConditions(_candidate: Candidate, context: SubjectContext): FactorValue {
  const conditions = context.networkConditions;
  return conditions === undefined ? missing : known(conditions);
}

const FACTORS: Record<FactorName, (candidate: Candidate, context: SubjectContext) => FactorValue> = {
  revenue_impact: revenueImpact,
  ease_of_implementation: easeOfImplementation,
  risk_level: riskLevel,
  time_to_value: timeToValue,
  data_confidence: dataConfidence,
  network_conditions: networkConditions,
};

export function computeFactors(candidate: Candidate, context: SubjectContext): FactorValues {
  const entries = Object.entries(FACTORS).map(([name, factor]) => [name, factor(candidate, context)]);
  return Object.fromEntries(entries) as FactorValues;
}
