import type { FeedbackV1, RecommendV1 } from '@ragfleet/protos';

/*
 * Subjects, recommendations, their records, statistics and weights as the public API shows them
 * (snake_case JSON); the gRPC clients hand over camelCase protos. Unknown parts are null, never
 * a made-up zero: proto3 `optional` fields arrive only when set.
 */

export function subjectJson(subject: FeedbackV1.Subject__Output) {
  return {
    id: subject.id,
    pack: subject.pack,
    name: subject.name,
    labels: subject.labels,
    created_at: subject.createdAt || null,
    metrics_observed_at: subject.metricsObservedAt || null,
    snapshot_count: subject.snapshotCount,
  };
}

export function snapshotJson(snapshot: FeedbackV1.MetricSnapshot__Output) {
  const collections: Record<string, Array<{ id: string; metrics: Record<string, number> }>> = {};
  for (const collection of snapshot.collections) {
    collections[collection.scope] = collection.items.map((item) => ({ id: item.id, metrics: item.metrics }));
  }
  return { observed_at: snapshot.observedAt || null, metrics: snapshot.metrics, collections };
}

const optional = (value: number | undefined) => (value === undefined ? null : value);

export function effectsJson(effects: FeedbackV1.ExpectedEffects__Output | null) {
  return {
    revenue_delta_fraction: optional(effects?.revenueDeltaFraction),
    steps: optional(effects?.steps),
    risk: optional(effects?.risk),
    days_to_value: optional(effects?.daysToValue),
    inputs_present: optional(effects?.inputsPresent),
    inputs_expected: optional(effects?.inputsExpected),
  };
}

function factorJson(factor: FeedbackV1.FactorScore__Output) {
  return { name: factor.name, value: factor.value, weight: factor.weight, has_input: factor.hasInput };
}

export function recommendationJson(recommendation: FeedbackV1.Recommendation__Output) {
  return {
    id: recommendation.id,
    subject_id: recommendation.subjectId,
    category: recommendation.category,
    action: recommendation.action,
    target: recommendation.target,
    description: recommendation.description,
    source: recommendation.source,
    rule_ids: recommendation.ruleIds,
    inputs: recommendation.inputs,
    effects: effectsJson(recommendation.effects),
    score: recommendation.score,
    priority: recommendation.priority,
    confidence: recommendation.confidence,
    reasoning: recommendation.reasoning,
    factors: recommendation.factors.map(factorJson),
    weights_version: recommendation.weightsVersion,
    generated_at: recommendation.generatedAt || null,
    grounding: recommendation.grounding,
  };
}

export type RecommendationJson = ReturnType<typeof recommendationJson>;

export const STAGE_NAMES = ['generated', 'shown', 'applied', 'dismissed', 'measured'] as const;
export type StageName = (typeof STAGE_NAMES)[number] | 'unknown';

const STAGES: Record<string, StageName> = {
  STAGE_GENERATED: 'generated',
  STAGE_SHOWN: 'shown',
  STAGE_APPLIED: 'applied',
  STAGE_DISMISSED: 'dismissed',
  STAGE_MEASURED: 'measured',
};

export function stageName(stage: FeedbackV1.Stage__Output): StageName {
  return STAGES[String(stage)] ?? 'unknown';
}

export function recordJson(record: FeedbackV1.RecommendationRecord__Output) {
  const outcome = record.outcome;
  return {
    recommendation: record.recommendation ? recommendationJson(record.recommendation) : null,
    stage: stageName(record.stage),
    history: record.history.map((change) => ({
      stage: stageName(change.stage),
      at: change.at || null,
      actor: change.actor,
    })),
    measure_due_at: record.measureDueAt || null,
    outcome: outcome
      ? {
          measured_at: outcome.measuredAt || null,
          effectiveness: outcome.effectiveness,
          changes: outcome.changes,
          measurable: outcome.measurable,
        }
      : null,
  };
}

function categoryStatsJson(stats: FeedbackV1.CategoryStats__Output) {
  return {
    category: stats.category,
    generated: stats.generated,
    shown: stats.shown,
    applied: stats.applied,
    dismissed: stats.dismissed,
    measured: stats.measured,
    success_rate: stats.successRate,
    mean_effectiveness: stats.meanEffectiveness,
    acceptance_rate: stats.acceptanceRate,
  };
}

export function feedbackStatsJson(stats: FeedbackV1.GetStatsResponse__Output) {
  return {
    categories: stats.categories.map(categoryStatsJson),
    overall: stats.overall ? categoryStatsJson(stats.overall) : null,
    top_effective: stats.topEffective.map(recordJson),
    answer_feedback: { up: stats.answerFeedbackUp, down: stats.answerFeedbackDown },
  };
}

export function weightsJson(weights: FeedbackV1.WeightsVersion__Output) {
  const fit = weights.fit;
  return {
    version: weights.version,
    factors: Object.fromEntries(weights.factors.map((factor) => [factor.name, factor.weight])),
    created_at: weights.createdAt || null,
    origin: weights.origin,
    fit: fit
      ? {
          method: fit.method,
          outcomes: fit.outcomes,
          base_version: fit.baseVersion,
          max_change: fit.maxChange,
          error_before: fit.errorBefore,
          error_after: fit.errorAfter,
        }
      : null,
    restored_version: weights.restoredVersion || null,
    active: weights.active,
  };
}

export function scoredJson(scored: RecommendV1.ScoredCandidate__Output) {
  const candidate = scored.candidate;
  return {
    candidate: {
      id: candidate?.id ?? '',
      category: candidate?.category ?? '',
      action: candidate?.action ?? '',
      target: candidate?.target ?? '',
      description: candidate?.description ?? '',
      effects: effectsJson(candidate?.effects ?? null),
    },
    score: scored.score,
    priority: scored.priority,
    confidence: scored.confidence,
    reasoning: scored.reasoning,
    factors: scored.factors.map(factorJson),
  };
}

export function contextJson(context: RecommendV1.SubjectContext__Output | null) {
  return {
    health: optional(context?.health),
    network_conditions: optional(context?.networkConditions),
    metric_completeness: optional(context?.metricCompleteness),
  };
}
