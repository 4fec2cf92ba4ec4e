import type { SubjectMetrics } from '@ragfleet/packs';
import type { AllowedAction } from './recommendations/allowed-actions.ts';
import type { DropReason } from './recommendations/model-output.ts';
import type { Recommendation } from './recommendations/recommendation.ts';

/**
 * What the recommend pipeline needs from the outside, as small interfaces: the scorer is
 * stateless, so subjects, records and grounding all live in other services (adapters in
 * src/adapters speak to them over gRPC and NATS).
 */

/** A subject as feedback keeps it. */
export interface SubjectRecord {
  id: string;
  pack: string;
  name: string;
  labels: Record<string, string>;
  createdAt: string;
  metricsObservedAt: string;
  snapshotCount: number;
}

export interface SubjectView {
  subject: SubjectRecord;
  /** The latest snapshot; undefined before the first. */
  metrics?: SubjectMetrics;
}

export interface SubjectSource {
  /** The caller's tenant's subject, or feedback's not-found error. */
  get(id: string, signal?: AbortSignal): Promise<SubjectView>;
}

export interface RecommendationRecorder {
  /** Stores them as generated (idempotent by id); resolves only once feedback has them. */
  record(recommendations: Recommendation[], signal?: AbortSignal): Promise<void>;
}

export interface RecommendationPublisher {
  /** One recommendations.generated event per recommendation, the event id its id. */
  publish(recommendations: Recommendation[], tenant: string): Promise<void>;
}

export interface SuggestRequest {
  /** The subject as plain lines. */
  subject: string;
  actions: AllowedAction[];
  searchQuery: string;
  k: number;
  tier: string;
  maxSuggestions: number;
}

export interface SuggestResult {
  text: string;
  /** Document ids of the passages the model was grounded in, first citation first. */
  documentIds: string[];
}

export interface Suggester {
  /** The model chain's text as written; a failure of the chain throws its RagfleetError. */
  suggest(request: SuggestRequest, signal?: AbortSignal): Promise<SuggestResult>;
}

/** What the pipeline reports for metrics and logs. */
export interface PipelineObserver {
  scored(source: 'rule' | 'model' | 'request', count: number): void;
  dropped(reason: DropReason): void;
  finished(outcome: 'ok' | 'error', seconds: number): void;
  modelFailed(code: string, message: string): void;
  publishFailed(error: unknown, count: number): void;
}
