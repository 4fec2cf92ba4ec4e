import type { GenerateV1 } from '@ragfleet/protos';
import type { ExperimentView, VariantResultView } from '../domain/experiments.ts';
import type { Counters, DecidingMetric, RolloutStageSpec, VariantSpec } from '../domain/records.ts';
import type { RolloutView } from '../domain/rollouts.ts';
import type { RawVariant } from '../domain/variant-input.ts';

const METRICS: Record<string, DecidingMetric> = {
  METRIC_THUMBS_UP_RATE: 'thumbs_up_rate',
  METRIC_ERROR_RATE: 'error_rate',
  METRIC_COST_PER_ANSWER: 'cost_per_answer',
  METRIC_LATENCY: 'latency',
};
const METRIC_NAMES = Object.fromEntries(
  Object.entries(METRICS).map(([wire, metric]) => [metric, wire]),
) as Record<DecidingMetric, GenerateV1.Metric>;
const EXPERIMENT_STATES = {
  running: 'EXPERIMENT_STATE_RUNNING',
  completed: 'EXPERIMENT_STATE_COMPLETED',
  stopped: 'EXPERIMENT_STATE_STOPPED',
} as const;
const ROLLOUT_STATES = {
  running: 'ROLLOUT_STATE_RUNNING',
  completed: 'ROLLOUT_STATE_COMPLETED',
  rolled_back: 'ROLLOUT_STATE_ROLLED_BACK',
} as const;

export const toMetric = (metric: string): DecidingMetric | undefined => METRICS[metric];

export function toRawVariant(variant: GenerateV1.Variant__Output): RawVariant {
  return {
    name: variant.name.trim(),
    promptVersion: variant.promptVersion.trim(),
    model: variant.model.trim(),
    weight: variant.weight,
    ...(variant.retrieval
      ? {
          retrieval: {
            mode: variant.retrieval.mode.trim(),
            fusion: variant.retrieval.fusion.trim(),
            rerank: variant.retrieval.rerank.trim(),
            k: variant.retrieval.k,
          },
        }
      : {}),
  };
}

export const toStage = (stage: GenerateV1.RolloutStage__Output): RolloutStageSpec => ({
  share: stage.share,
  holdSeconds: stage.holdSeconds,
  holdAnswers: stage.holdAnswers,
});

const toVariant = (variant: VariantSpec): GenerateV1.Variant => ({
  name: variant.name,
  promptVersion: variant.promptVersion ?? '',
  model: variant.model ?? '',
  weight: variant.weight,
  retrieval: variant.retrieval
    ? {
        mode: variant.retrieval.mode ?? '',
        fusion: variant.retrieval.fusion ?? '',
        rerank: variant.retrieval.rerank ?? '',
        k: variant.retrieval.k ?? 0,
      }
    : null,
});

function toResult(
  variant: string,
  counters: Counters,
  interval?: Omit<VariantResultView, 'variant' | 'counters'>,
) {
  return {
    variant,
    answers: counters.answers,
    errors: counters.errors,
    rated: counters.rated,
    thumbsUp: counters.thumbsUp,
    costUsdTotal: counters.costUsd,
    latencyMsTotal: counters.latencyMs,
    value: interval?.value ?? 0,
    ciLow: interval?.ciLow ?? 0,
    ciHigh: interval?.ciHigh ?? 0,
  };
}

export function toExperiment({ record, results }: ExperimentView): GenerateV1.Experiment {
  return {
    id: record.id,
    name: record.name,
    family: record.family,
    variants: record.variants.map(toVariant),
    metric: METRIC_NAMES[record.metric],
    minSamples: record.minSamples,
    alpha: record.alpha,
    maxSamples: record.maxSamples,
    state: EXPERIMENT_STATES[record.state],
    results: results.map((result) => toResult(result.variant, result.counters, result)),
    winner: record.winner,
    decision: record.decision,
    createdAt: record.createdAt,
    endedAt: record.endedAt,
  };
}

export function toRollout({ record, current }: RolloutView): GenerateV1.Rollout {
  const errorRate = current.answers === 0 ? 0 : current.errors / current.answers;
  return {
    id: record.id,
    family: record.family,
    candidate: toVariant(record.candidate),
    stages: record.stages,
    stage: record.stage,
    state: ROLLOUT_STATES[record.state],
    maxErrorRate: record.maxErrorRate,
    minQuality: record.minQuality,
    minRated: record.minRated,
    minRecall: record.minRecall ?? 0,
    ...(record.recallAt5 === undefined ? {} : { recallAt_5: record.recallAt5 }),
    // The current stage's error rate is the guard's value; no interval is given for it.
    current: toResult('candidate', current, { value: errorRate, ciLow: errorRate, ciHigh: errorRate }),
    reason: record.reason,
    createdAt: record.createdAt,
    stageStartedAt: record.stageStartedAt,
    endedAt: record.endedAt,
  };
}
