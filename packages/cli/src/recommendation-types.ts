/*
 * The recommendation routes' JSON as docs/api-recommendations.md documents it: only the fields
 * the CLI reads are typed; `--json` prints whatever the gateway sent, untouched.
 */

export interface SubjectInput {
  id?: string;
  pack: string;
  name: string;
  labels?: Record<string, string>;
}

export interface Subject {
  id: string;
  pack: string;
  name: string;
  labels: Record<string, string>;
  created_at: string | null;
  metrics_observed_at: string | null;
  snapshot_count: number;
}

/** PUT /v1/subjects/{id}/metrics: the subject's numbers and, per scope, its items'. */
export interface MetricsSnapshot {
  observed_at?: string;
  metrics: Record<string, number>;
  collections?: Record<string, Array<{ id: string; metrics: Record<string, number> }>>;
}

export interface Recommendation {
  id: string;
  category: string;
  action: string;
  target: string;
  description: string;
  source: string;
  score: number;
  priority: string;
  confidence: number;
  reasoning: string;
  weights_version: string;
  grounding: string[];
}

export interface SourceError {
  code: string;
  message: string;
}

export interface SubjectContext {
  health: number | null;
  network_conditions: number | null;
  metric_completeness: number | null;
}

export type RecommendEvent =
  | { type: 'status'; progress: number; stage: string; message: string }
  | {
      type: 'subject_info';
      progress: number;
      subject: Subject | null;
      context: SubjectContext | null;
      summary: Record<string, number>;
    }
  | {
      type: 'rule_recommendations' | 'ai_recommendations';
      progress: number;
      recommendations: Recommendation[];
      dropped: number;
      merged: number;
      error: SourceError | null;
    }
  | {
      type: 'complete';
      progress: number;
      total: number;
      weights_version: string;
      rule_pack_version: string;
      elapsed_ms: number;
    }
  | { type: 'error'; progress: null; error: { code: string; message: string; retryable: boolean } };

/** The whole (not streamed) answer of GET /v1/subjects/{id}/recommendations. */
export interface RecommendationAnswer {
  subject: Subject;
  context: SubjectContext | null;
  recommendations: Recommendation[];
  total: number;
  weights_version: string;
  rule_pack_version: string;
  elapsed_ms: number;
}

export interface RecommendQuery {
  /** Ask the model for candidates too (`include_model`). */
  includeModel: boolean;
  /** At most this many per source. */
  limit?: number | undefined;
}

export const MARK_STAGES = ['shown', 'applied', 'dismissed'] as const;
export type RecommendationStage = (typeof MARK_STAGES)[number];

export interface RecommendationRecord {
  recommendation: Recommendation | null;
  stage: string;
  history: Array<{ stage: string; at: string | null; actor: string }>;
  measure_due_at: string | null;
}
