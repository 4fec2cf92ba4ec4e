import { NEUTRAL } from './factors.ts';
import { FACTOR_NAMES, type FactorName, type FactorValues } from './types.ts';

/** Plain words for each factor when it is high (>= 0.7), low (<= 0.3) or in between. */
const WORDS: Record<FactorName, { high: string; middle: string; low: string }> = {
  revenue_impact: {
    high: 'high revenue impact',
    middle: 'moderate revenue impact',
    low: 'little or negative revenue impact',
  },
  ease_of_implementation: { high: 'easy to apply', middle: 'some effort to apply', low: 'hard to apply' },
  risk_level: { high: 'low risk', middle: 'moderate risk', low: 'high risk' },
  time_to_value: { high: 'quick to pay off', middle: 'pays off in weeks', low: 'slow to pay off' },
  data_confidence: { high: 'well supported by data', middle: 'partly supported by data', low: 'thin data' },
  network_conditions: {
    high: 'favourable network conditions',
    middle: 'average network conditions',
    low: 'poor network conditions',
  },
};

export const REASONS_SHOWN = 3;

export function describeFactor(name: FactorName, value: number): string {
  const words = WORDS[name];
  return value >= 0.7 ? words.high : value <= 0.3 ? words.low : words.middle;
}

/**
 * The factors that drove the score: those with real inputs, ranked by how far their weighted value
 * pulls away from neutral, weight × |value − 0.5|, the first REASONS_SHOWN named in plain words.
 * Ties keep the factors' fixed order, so the text is deterministic.
 */
export function driversOf(factors: FactorValues, weights: Record<FactorName, number>): FactorName[] {
  return FACTOR_NAMES.filter((name) => factors[name].hasInput)
    .map((name) => ({ name, pull: weights[name] * Math.abs(factors[name].value - NEUTRAL) }))
    .filter((driver) => driver.pull > 0)
    .sort((a, b) => b.pull - a.pull)
    .slice(0, REASONS_SHOWN)
    .map((driver) => driver.name);
}

/** "87.5/100: high revenue impact, easy to apply, low risk" (no inputs: "50.0/100: no inputs"). */
export function reasoningText(
  score: number,
  factors: FactorValues,
  weights: Record<FactorName, number>,
): string {
  const drivers = driversOf(factors, weights);
  const words = drivers.map((name) => describeFactor(name, factors[name].value));
  return `${score.toFixed(1)}/100: ${words.length > 0 ? words.join(', ') : 'no inputs to judge by'}`;
}
