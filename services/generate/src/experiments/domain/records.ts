/** What experiments and rollouts keep in the experiment store (plain JSON, one shape per record). */

import type { RetrievalSettings } from '../../domain/ports.ts';

export type { RetrievalSettings };

export type DecidingMetric = 'thumbs_up_rate' | 'error_rate' | 'cost_per_answer' | 'latency';

/** What a variant changes for the answers it gets; an absent field keeps the default. */
export interface VariantSpec {
  name: string;
  promptVersion?: string;
  /** "provider/model" from the catalog. */
  model?: string;
  /** A retrieval candidate: how its answers search. */
  retrieval?: RetrievalSettings;
  weight: number;
}

/** Per-variant sums, kept as counters so that every replica adds to the same ones. */
export interface Counters {
  answers: number;
  errors: number;
  rated: number;
  thumbsUp: number;
  costUsd: number;
  /** Sums of squares, for Welch's test and the confidence intervals of the means. */
  costSq: number;
  latencyMs: number;
  latencySq: number;
}

export const ZERO_COUNTERS: Counters = {
  answers: 0,
  errors: 0,
  rated: 0,
  thumbsUp: 0,
  costUsd: 0,
  costSq: 0,
  latencyMs: 0,
  latencySq: 0,
};

export const COUNTER_NAMES = Object.keys(ZERO_COUNTERS) as Array<keyof Counters>;

export interface ExperimentRecord {
  id: string;
  /** Bumped by every replace: the store's compare-and-set guard. */
  revision: number;
  name: string;
  family: string;
  variants: VariantSpec[];
  metric: DecidingMetric;
  minSamples: number;
  alpha: number;
  maxSamples: number;
  state: 'running' | 'completed' | 'stopped';
  /** The last planned look evaluated (1 = after minSamples per variant). */
  looks: number;
  winner: string;
  decision: string;
  createdAt: string;
  endedAt: string;
}

export interface RolloutStageSpec {
  share: number;
  holdSeconds: number;
  holdAnswers: number;
}

export interface RolloutRecord {
  id: string;
  revision: number;
  family: string;
  candidate: VariantSpec;
  stages: RolloutStageSpec[];
  stage: number;
  state: 'running' | 'completed' | 'rolled_back';
  maxErrorRate: number;
  minQuality: number;
  minRated: number;
  /** The recall@5 floor of a retrieval candidate; 0 or absent (older records): no recall guard. */
  minRecall?: number;
  /** The last recall@5 measured on the labelled set (at creation and before each advance). */
  recallAt5?: number;
  reason: string;
  createdAt: string;
  stageStartedAt: string;
  endedAt: string;
}

export type ChangeKind = 'experiment' | 'rollout';

/** Which change chose an answer's variant, so that its feedback is counted there later. */
export interface Assignment {
  kind: ChangeKind;
  ownerId: string;
  /** The counters' bucket (an experiment's, or a rollout's current stage). */
  bucket: string;
  variant: string;
}

/** A family's default set by a promotion, over the service's configured one. */
export interface DefaultOverride {
  promptVersion?: string;
  model?: string;
  retrieval?: RetrievalSettings;
  /** "experiment:<id>" or "rollout:<id>". */
  source: string;
  at: string;
}

export const experimentBucket = (id: string) => `experiment:${id}`;
export const rolloutBucket = (id: string, stage: number) => `rollout:${id}:stage:${stage}`;
