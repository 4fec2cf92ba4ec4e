import type { FactorName } from '@ragfleet/recommend/domain/scoring/index.ts';
import type { CollectionItem } from '@ragfleet/packs';

/**
 * What the feedback store keeps, in the domain's own shapes (times are RFC 3339 strings, as the
 * protos carry them). Everything but weights belongs to one tenant.
 */

export interface SubjectRecord {
  tenant: string;
  id: string;
  pack: string;
  name: string;
  labels: Record<string, string>;
  createdAt: string;
  /** The newest snapshot's observedAt; undefined before the first. */
  metricsObservedAt?: string;
  snapshotCount: number;
}

/** One time-stamped observation of a subject's metrics (SubjectMetrics from @ragfleet/packs). */
export interface Snapshot {
  observedAt: string;
  subject: Record<string, number>;
  collections: Record<string, CollectionItem[]>;
}

export const STAGES = ['generated', 'shown', 'applied', 'dismissed', 'measured'] as const;
export type Stage = (typeof STAGES)[number];

export interface FactorScore {
  name: string;
  value: number;
  weight: number;
  hasInput: boolean;
}

/** A recommendation as the scorer produced it (the proto's Recommendation, field for field). */
export interface Recommendation {
  id: string;
  subjectId: string;
  category: string;
  action: string;
  target: string;
  description: string;
  source: string;
  ruleIds: string[];
  inputs: Record<string, number>;
  /** Only the effects the producer knew (revenueDeltaFraction, steps, risk, ...). */
  effects: Record<string, number>;
  score: number;
  priority: string;
  confidence: number;
  reasoning: string;
  /** The factor values it was scored with: what learning regresses effectiveness on. */
  factors: FactorScore[];
  weightsVersion: string;
  generatedAt: string;
  grounding: string[];
}

export interface StageChange {
  stage: Stage;
  at: string;
  /** The user id of the caller, else the calling service ("feedback" for the measurer). */
  actor: string;
  note?: string;
}

export interface Outcome {
  measuredAt: string;
  /** 0–1; 0.5 is no change. Meaningless when measurable is false. */
  effectiveness: number;
  /** Relative change of each outcome metric (by path), clamped to [-1, 1]. */
  changes: Record<string, number>;
  measurable: boolean;
}

export interface RecommendationRecord {
  tenant: string;
  recommendation: Recommendation;
  stage: Stage;
  history: StageChange[];
  appliedAt?: string;
  /** When the measurer should look at it next (applied + wait, then retries). */
  measureDueAt?: string;
  /** Tries that found no snapshot after applying. */
  measureAttempts: number;
  /** A measurer holds it until then (a crashed replica's claim lapses). */
  claimedUntil?: string;
  outcome?: Outcome;
  /** Bumped by every write: the compare-and-set token. */
  revision: number;
}

export interface FitReport {
  method: string;
  outcomes: number;
  baseVersion: string;
  maxChange: number;
  errorBefore: number;
  errorAfter: number;
}

export type WeightsOrigin = 'seed' | 'fit' | 'rollback';

export interface WeightsVersion {
  version: string;
  /** Order of creation, 1 for the seed: the fit-<n> names and "newest first" come from it. */
  sequence: number;
  factors: Record<FactorName, number>;
  createdAt: string;
  origin: WeightsOrigin;
  fit?: FitReport;
  restoredVersion?: string;
  active: boolean;
}

export type Rating = 'up' | 'down';
export type AnswerKind = 'rag' | 'chat';

export interface AnswerFeedback {
  tenant: string;
  user: string;
  answerId: string;
  /** Stable per (tenant, user, answer): a repeat replaces the record under the same id. */
  id: string;
  rating: Rating;
  comment: string;
  kind: AnswerKind;
  sessionId: string;
  recordedAt: string;
}
