import { RagfleetError } from '@ragfleet/errors';
import type { GenerateV1 } from '@ragfleet/protos';
import type { z } from 'zod';
import type * as schemas from './openapi/change-schemas.ts';
import { METRICS, type MetricName } from './routes/change-inputs.ts';

/* Generate's prompts, experiments, shadow report and rollouts as the public snake_case JSON. */

/** uint64 counts arrive as decimal strings (the loader's `longs: String`). */
const count = (value: string | number): number => Number(value);
const orNull = (value: string): string | null => value || null;

const METRIC_NAMES = new Map<string, MetricName>(
  Object.entries(METRICS).map(([name, proto]) => [proto, name as MetricName]),
);

const EXPERIMENT_STATES: Record<string, z.output<typeof schemas.experimentJson>['state']> = {
  EXPERIMENT_STATE_RUNNING: 'running',
  EXPERIMENT_STATE_COMPLETED: 'completed',
  EXPERIMENT_STATE_STOPPED: 'stopped',
};

const ROLLOUT_STATES: Record<string, z.output<typeof schemas.rolloutJson>['state']> = {
  ROLLOUT_STATE_RUNNING: 'running',
  ROLLOUT_STATE_COMPLETED: 'completed',
  ROLLOUT_STATE_ROLLED_BACK: 'rolled_back',
};

/** A response that must carry a record and does not is generate's fault, not the caller's. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new RagfleetError('INTERNAL', 'Internal error', { internal: `${what} returned no record` });
  }
  return value;
}

export function promptFamilyJson(
  family: GenerateV1.PromptFamily__Output,
): z.output<typeof schemas.promptFamilyJson> {
  return {
    name: family.name,
    versions: family.versions.map((version) => ({
      version: version.version,
      variables: version.variables,
      digest: version.digest,
    })),
    default_version: family.defaultVersion,
    default_source: family.defaultSource,
  };
}

export function variantResultJson(
  result: GenerateV1.VariantResult__Output,
): z.output<typeof schemas.variantResultJson> {
  return {
    variant: result.variant,
    answers: count(result.answers),
    errors: count(result.errors),
    rated: count(result.rated),
    thumbs_up: count(result.thumbsUp),
    cost_usd_total: result.costUsdTotal,
    latency_ms_total: result.latencyMsTotal,
    value: result.value,
    ci_low: result.ciLow,
    ci_high: result.ciHigh,
  };
}

export function experimentJson(
  experiment: GenerateV1.Experiment__Output,
): z.output<typeof schemas.experimentJson> {
  return {
    id: experiment.id,
    name: experiment.name,
    family: experiment.family,
    variants: experiment.variants.map((variant) => ({
      name: variant.name,
      prompt_version: orNull(variant.promptVersion),
      model: orNull(variant.model),
      weight: variant.weight,
    })),
    metric: METRIC_NAMES.get(experiment.metric) ?? 'unknown',
    min_samples: experiment.minSamples,
    alpha: experiment.alpha,
    max_samples: experiment.maxSamples || null,
    state: EXPERIMENT_STATES[experiment.state] ?? 'unknown',
    results: experiment.results.map(variantResultJson),
    winner: orNull(experiment.winner),
    decision: orNull(experiment.decision),
    created_at: experiment.createdAt,
    ended_at: orNull(experiment.endedAt),
  };
}

export function shadowReportJson(
  report: GenerateV1.GetShadowReportResponse__Output,
): z.output<typeof schemas.shadowReport> {
  const summary = report.summary;
  return {
    enabled: report.enabled,
    share: report.share,
    summary: summary
      ? {
          candidate: summary.candidate,
          runs: count(summary.runs),
          errors: count(summary.errors),
          latency_ms_delta: summary.latencyMsDelta,
          cost_usd_delta: summary.costUsdDelta,
          length_ratio: summary.lengthRatio,
          citation_overlap: summary.citationOverlap,
          budget_usd: summary.budgetUsd,
          spent_usd: summary.spentUsd,
          skipped_budget: count(summary.skippedBudget),
        }
      : null,
  };
}

export function rolloutJson(rollout: GenerateV1.Rollout__Output): z.output<typeof schemas.rolloutJson> {
  const state = ROLLOUT_STATES[rollout.state] ?? 'unknown';
  const stages = rollout.stages.map((stage) => ({
    share: stage.share,
    hold_seconds: stage.holdSeconds,
    hold_answers: stage.holdAnswers,
  }));
  return {
    id: rollout.id,
    family: rollout.family,
    candidate: {
      prompt_version: orNull(rollout.candidate?.promptVersion ?? ''),
      model: orNull(rollout.candidate?.model ?? ''),
      retrieval: rollout.candidate?.retrieval
        ? {
            mode: orNull(rollout.candidate.retrieval.mode),
            fusion: orNull(rollout.candidate.retrieval.fusion),
            rerank: orNull(rollout.candidate.retrieval.rerank),
            k: rollout.candidate.retrieval.k || null,
          }
        : null,
    },
    stages,
    stage: rollout.stage,
    // Derived here so a dashboard need not index into stages; nothing is served once rolled back.
    share: state === 'rolled_back' ? 0 : (stages[rollout.stage]?.share ?? 0),
    state,
    max_error_rate: rollout.maxErrorRate,
    min_quality: rollout.minQuality,
    min_rated: rollout.minRated,
    min_recall: rollout.minRecall || null,
    recall_at_5: rollout.recallAt_5 ?? null,
    current: rollout.current ? variantResultJson(rollout.current) : null,
    reason: orNull(rollout.reason),
    created_at: rollout.createdAt,
    stage_started_at: orNull(rollout.stageStartedAt),
    ended_at: orNull(rollout.endedAt),
  };
}
