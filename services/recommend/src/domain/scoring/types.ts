/**
 * What the scorer reads. A candidate is one recommendation ("rebalance channel X") with the
 * effects its producer (a rule or a model) expects; every effect is optional because producers
 * rarely know them all, and a missing one is scored neutrally and lowers the confidence.
 */
export interface ExpectedEffects {
  /** Expected change of the subject's revenue as a fraction: 0.1 is +10 %, -0.05 is -5 %. */
  revenueDeltaFraction?: number;
  /** Steps (or effort units) an operator needs to apply it; 1 is a single action. */
  steps?: number;
  /** Chance or size of harm, 0 (none) to 1 (certain harm). */
  risk?: number;
  /** Days until the effect shows. */
  daysToValue?: number;
  /** Data points the producer used, of those it needed: coverage is present / expected. */
  inputsPresent?: number;
  inputsExpected?: number;
}

export interface Candidate {
  id: string;
  category: string;
  action: string;
  /** What it acts on (a channel id, a peer's public key). */
  target: string;
  effects: ExpectedEffects;
}

/** The subject's state when scoring; each part optional for the same reason as the effects. */
export interface SubjectContext {
  /** Overall health 0 (failing) to 1 (healthy); poor health weights risk more. */
  health?: number;
  /** How favourable the surroundings are (for a Lightning node: fees, congestion), 0 to 1. */
  networkConditions?: number;
  /** Share of the subject's expected metrics that are present, 0 to 1. */
  metricCompleteness?: number;
}

export const FACTOR_NAMES = [
  'revenue_impact',
  'ease_of_implementation',
  'risk_level',
  'time_to_value',
  'data_confidence',
  'network_conditions',
] as const;

export type FactorName = (typeof FACTOR_NAMES)[number];

/** One factor's value 0–1 and whether it came from a real input or the neutral default. */
export interface FactorValue {
  value: number;
  hasInput: boolean;
}

export type FactorValues = Record<FactorName, FactorValue>;
