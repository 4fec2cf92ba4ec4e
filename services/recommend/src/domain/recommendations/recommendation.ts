import type { ScoredCandidate } from '../scoring/score.ts';
import { FACTOR_NAMES, type ExpectedEffects } from '../scoring/types.ts';

/**
 * A scored recommendation as the scorer hands it on (to feedback, to the stream, to the event):
 * the feedback.v1 Recommendation's fields, so that no layer renames them.
 */
export interface Recommendation {
  id: string;
  subjectId: string;
  category: string;
  action: string;
  target: string;
  description: string;
  source: 'rule' | 'model';
  ruleIds: string[];
  inputs: Record<string, number>;
  effects: ExpectedEffects;
  score: number;
  priority: string;
  confidence: number;
  reasoning: string;
  factors: Array<{ name: string; value: number; weight: number; hasInput: boolean }>;
  weightsVersion: string;
  generatedAt: string;
  grounding: string[];
}

/** What a producer adds to a candidate beyond what scoring reads. */
export interface CandidateOrigin {
  description: string;
  source: 'rule' | 'model';
  ruleIds: string[];
  inputs: Record<string, number>;
  grounding: string[];
}

/** The key two candidates share when they say the same thing: the same action on the same target. */
export function sameThingKey(action: string, target: string): string {
  return `${action}\u0000${target}`;
}

/** The factors as the contract lists them: each value with the weight it had after context. */
export function factorsOf(scored: ScoredCandidate): Recommendation['factors'] {
  return FACTOR_NAMES.map((name) => ({
    name,
    value: Math.round(scored.factors[name].value * 1000) / 1000,
    weight: Math.round(scored.weightsApplied[name] * 10_000) / 10_000,
    hasInput: scored.factors[name].hasInput,
  }));
}

export function toRecommendation(
  scored: ScoredCandidate,
  origin: CandidateOrigin,
  fields: { id: string; subjectId: string; generatedAt: string },
): Recommendation {
  const { candidate } = scored;
  return {
    id: fields.id,
    subjectId: fields.subjectId,
    category: candidate.category,
    action: candidate.action,
    target: candidate.target,
    description: origin.description,
    source: origin.source,
    ruleIds: origin.ruleIds,
    inputs: origin.inputs,
    effects: candidate.effects,
    score: scored.score,
    priority: scored.priority,
    confidence: scored.confidence,
    reasoning: scored.reasoning,
    factors: factorsOf(scored),
    weightsVersion: scored.weightsVersion,
    generatedAt: fields.generatedAt,
    grounding: origin.grounding,
  };
}
