import type { FeedbackV1 } from '@ragfleet/protos';
import { FACTOR_NAMES, setEffects } from '@ragfleet/recommend/domain/scoring/index.ts';
import type { CategoryStats } from '../domain/stats.ts';
import type {
  Outcome,
  Recommendation,
  RecommendationRecord,
  Snapshot,
  Stage,
  SubjectRecord,
  WeightsVersion,
} from '../domain/records.ts';

/** Domain records to and from the proto messages (camelCase, enums by name, as @ragfleet/protos loads them). */

const STAGE_TO_PROTO: Record<Stage, FeedbackV1.Stage__Output> = {
  generated: 'STAGE_GENERATED',
  shown: 'STAGE_SHOWN',
  applied: 'STAGE_APPLIED',
  dismissed: 'STAGE_DISMISSED',
  measured: 'STAGE_MEASURED',
};

export const toProtoStage = (stage: Stage): FeedbackV1.Stage__Output => STAGE_TO_PROTO[stage];

/** undefined for STAGE_UNSPECIFIED. */
export function fromProtoStage(stage: FeedbackV1.Stage__Output): Stage | undefined {
  return (Object.keys(STAGE_TO_PROTO) as Stage[]).find((s) => STAGE_TO_PROTO[s] === stage);
}

export function toSubject(subject: SubjectRecord): FeedbackV1.Subject {
  return {
    id: subject.id,
    pack: subject.pack,
    name: subject.name,
    labels: subject.labels,
    createdAt: subject.createdAt,
    metricsObservedAt: subject.metricsObservedAt ?? '',
    snapshotCount: subject.snapshotCount,
  };
}

export function toSnapshot(snapshot: Snapshot): FeedbackV1.MetricSnapshot {
  return {
    observedAt: snapshot.observedAt,
    metrics: snapshot.subject,
    collections: Object.entries(snapshot.collections).map(([scope, items]) => ({
      scope,
      items: items.map((item) => ({ id: item.id, metrics: item.metrics })),
    })),
  };
}

/** A snapshot from the request, unchecked (the pack's schema checks it in the domain). */
export function fromSnapshot(snapshot: FeedbackV1.MetricSnapshot__Output | null): Omit<
  Snapshot,
  'observedAt'
> & {
  observedAt: string;
} {
  const collections: Snapshot['collections'] = {};
  for (const collection of snapshot?.collections ?? []) {
    // Two entries of one scope are one collection: their items meet the duplicate-id check.
    collections[collection.scope] = [
      ...(collections[collection.scope] ?? []),
      ...collection.items.map((item) => ({ id: item.id, metrics: item.metrics })),
    ];
  }
  return { observedAt: snapshot?.observedAt ?? '', subject: snapshot?.metrics ?? {}, collections };
}

export function fromRecommendation(r: FeedbackV1.Recommendation__Output): Recommendation {
  const effects = setEffects(r.effects);
  return {
    id: r.id,
    subjectId: r.subjectId,
    category: r.category,
    action: r.action,
    target: r.target,
    description: r.description,
    source: r.source,
    ruleIds: r.ruleIds,
    inputs: r.inputs,
    effects,
    score: r.score,
    priority: r.priority,
    confidence: r.confidence,
    reasoning: r.reasoning,
    factors: r.factors.map((f) => ({ name: f.name, value: f.value, weight: f.weight, hasInput: f.hasInput })),
    weightsVersion: r.weightsVersion,
    generatedAt: r.generatedAt,
    grounding: r.grounding,
  };
}

export function toRecommendation(r: Recommendation): FeedbackV1.Recommendation {
  return { ...r, effects: { ...r.effects } };
}

export function toOutcome(outcome: Outcome): FeedbackV1.Outcome {
  return { ...outcome };
}

export function toRecord(record: RecommendationRecord): FeedbackV1.RecommendationRecord {
  return {
    recommendation: toRecommendation(record.recommendation),
    stage: toProtoStage(record.stage),
    history: record.history.map((change) => ({
      stage: toProtoStage(change.stage),
      at: change.at,
      actor: change.actor,
    })),
    measureDueAt: record.measureDueAt ?? '',
    ...(record.outcome ? { outcome: toOutcome(record.outcome) } : {}),
  };
}

export function toCategoryStats(stats: CategoryStats): FeedbackV1.CategoryStats {
  return { ...stats };
}

/** The proto-shaped JSON of a version: GetActiveWeights' answer and the weightsActivated event's data. */
export function toWeightsVersion(version: WeightsVersion): FeedbackV1.WeightsVersion__Output {
  return {
    version: version.version,
    factors: FACTOR_NAMES.map((name) => ({ name, weight: version.factors[name] })),
    createdAt: version.createdAt,
    origin: version.origin,
    fit: version.fit ? { ...version.fit } : null,
    restoredVersion: version.restoredVersion ?? '',
    active: version.active,
  };
}
