import { z } from 'zod';
import { STAGE_NAMES } from '../recommend-json.ts';
import { errorCode, publicError } from './response-schemas.ts';

/*
 * What the subject, recommendation, feedback and weights routes answer (src/recommend-json.ts
 * and src/recommend-stream.ts build it), for the OpenAPI document; the tests check real answers
 * against these.
 */

const time = z.string().nullable().meta({ description: 'RFC 3339; null when not set.' });
const numberMap = z.record(z.string(), z.number());
const unknownIsNull = (description: string) => z.number().nullable().meta({ description });

export const subjectJson = z.object({
  id: z.string(),
  pack: z.string().meta({ description: 'The rule pack its metrics follow, e.g. `lightning`.' }),
  name: z.string(),
  labels: z.record(z.string(), z.string()),
  created_at: time,
  metrics_observed_at: time.meta({
    description: 'When the latest snapshot was observed; null before the first.',
  }),
  snapshot_count: z.int(),
});

const metricItem = z.object({ id: z.string(), metrics: numberMap });

export const snapshotJson = z.object({
  observed_at: time,
  metrics: numberMap.meta({ description: 'The subject’s own metrics, by name.' }),
  collections: z
    .record(z.string(), z.array(metricItem))
    .meta({ description: 'Items by scope (e.g. `channel`), each with its metrics.' }),
});

export const subjectResponse = z.object({ subject: subjectJson });
export const subjectList = z.object({ subjects: z.array(subjectJson) });
export const subjectWithSnapshot = z.object({
  subject: subjectJson,
  latest: snapshotJson.nullable().meta({ description: 'The latest snapshot; null before the first.' }),
});

export const effectsJson = z
  .object({
    revenue_delta_fraction: unknownIsNull('Expected revenue change as a fraction (0.1 is +10 %).'),
    steps: unknownIsNull('Operator steps to apply it.'),
    risk: unknownIsNull('0 (harmless) to 1 (certain harm).'),
    days_to_value: unknownIsNull('Days until the effect shows.'),
    inputs_present: unknownIsNull('Inputs the producer had, of those it needed.'),
    inputs_expected: unknownIsNull('Inputs the producer needed.'),
  })
  .meta({
    description: 'What applying it is expected to do; null parts are unknown (neutral in the score).',
  });

const factorJson = z.object({
  name: z.string(),
  value: z.number().meta({ description: '0 to 1.' }),
  weight: z.number(),
  has_input: z.boolean().meta({ description: 'False when no real input fed it (a neutral value).' }),
});

const priority = z.string().meta({ description: 'CRITICAL, HIGH, MEDIUM, LOW or INFO, from the score.' });

export const recommendationJson = z.object({
  id: z.string(),
  subject_id: z.string(),
  category: z.string(),
  action: z.string(),
  target: z.string(),
  description: z.string(),
  source: z.string().meta({ description: '`rule` or `model`.' }),
  rule_ids: z.array(z.string()),
  inputs: numberMap.meta({ description: 'The metric values that made it fire, by path.' }),
  effects: effectsJson,
  score: z.number().meta({ description: 'Composite 0–100.' }),
  priority,
  confidence: z.number().meta({ description: '0 to 1.' }),
  reasoning: z.string().meta({ description: 'The factors that drove the score, in plain words.' }),
  factors: z.array(factorJson),
  weights_version: z.string(),
  generated_at: time,
  grounding: z.array(z.string()).meta({ description: 'Documents a model candidate was grounded in.' }),
});

const stage = z.enum([...STAGE_NAMES, 'unknown']);

export const recordJson = z.object({
  recommendation: recommendationJson.nullable(),
  stage,
  history: z.array(z.object({ stage, at: time, actor: z.string().meta({ description: 'Who acted.' }) })),
  measure_due_at: time.meta({ description: 'When its outcome is measured; set once applied.' }),
  outcome: z
    .object({
      measured_at: time,
      effectiveness: z
        .number()
        .meta({ description: '0 (harmful) to 1 (fully effective); 0.5 is no change.' }),
      changes: numberMap.meta({ description: 'Relative change of each outcome metric.' }),
      measurable: z.boolean(),
    })
    .nullable(),
});

export const recordResponse = z.object({ record: recordJson });

const batchError = z.object({ code: errorCode, message: z.string() }).nullable().meta({
  description: 'Set when this source could not run (the model chain failed); the stream still completes.',
});

const batchFields = {
  recommendations: z.array(recommendationJson).meta({ description: 'Scored, best first.' }),
  dropped: z.int().meta({ description: 'Model output dropped as not valid JSON of the candidate schema.' }),
  merged: z.int().meta({ description: 'Candidates merged into another that said the same thing.' }),
  error: batchError,
};

const contextJson = z.object({
  health: unknownIsNull('0 (failing) to 1 (healthy); poor health weights risk more.'),
  network_conditions: unknownIsNull('0 to 1.'),
  metric_completeness: unknownIsNull('0 to 1.'),
});

const progress = z.int().meta({ description: '0, 25, 50, 90 or 100.' });

/** One NDJSON line of `GET /v1/subjects/{id}/recommendations`; on WebSocket the same objects carry the ask `id`. */
export const recommendEvent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('status'), progress, stage: z.string(), message: z.string() }),
    z.object({
      type: z.literal('subject_info'),
      progress,
      subject: subjectJson.nullable(),
      context: contextJson,
      summary: numberMap.meta({ description: 'Metric values the rules read, by path.' }),
    }),
    z.object({ type: z.literal('rule_recommendations'), progress, ...batchFields }),
    z.object({ type: z.literal('ai_recommendations'), progress, ...batchFields }),
    z.object({
      type: z.literal('complete'),
      progress,
      total: z.int(),
      weights_version: z.string(),
      rule_pack_version: z.string(),
      elapsed_ms: z.number(),
    }),
    z.object({
      type: z.literal('error'),
      progress: z.int().nullable(),
      error: publicError,
    }),
  ])
  .meta({
    description:
      'In order: `status` (0), `subject_info` (25), `rule_recommendations` (50), `ai_recommendations` (90), ' +
      '`complete` (100). A stream cut short after its first line ends with `error` instead of `complete`.',
  });

const batchSummary = z.object({ dropped: z.int(), merged: z.int(), error: batchError });

export const recommendationsJson = z.object({
  subject: subjectJson.nullable(),
  context: contextJson.nullable(),
  recommendations: z
    .array(recommendationJson)
    .meta({ description: 'Rule and model recommendations, best first.' }),
  total: z.int(),
  weights_version: z.string().meta({ description: 'The factor weights every score used.' }),
  rule_pack_version: z.string(),
  dropped: z.int().meta({ description: 'Summed over both sources.' }),
  merged: z.int().meta({ description: 'Summed over both sources.' }),
  sources: z.object({ rules: batchSummary, model: batchSummary }),
  elapsed_ms: z.number(),
});

export const scoreResponse = z.object({
  scored: z.array(
    z.object({
      candidate: z.object({
        id: z.string(),
        category: z.string(),
        action: z.string(),
        target: z.string(),
        description: z.string(),
        effects: effectsJson,
      }),
      score: z.number(),
      priority,
      confidence: z.number(),
      reasoning: z.string(),
      factors: z.array(factorJson),
    }),
  ),
  weights_version: z.string(),
});

const categoryStats = z.object({
  category: z.string(),
  generated: z.int(),
  shown: z.int(),
  applied: z.int(),
  dismissed: z.int(),
  measured: z.int(),
  success_rate: z.number().meta({ description: 'Measured with effectiveness above 0.5, of the measured.' }),
  mean_effectiveness: z.number(),
  acceptance_rate: z.number().meta({ description: 'Applied, of those acted on (applied + dismissed).' }),
});

export const feedbackStats = z.object({
  categories: z.array(categoryStats),
  overall: categoryStats.nullable(),
  top_effective: z
    .array(recordJson)
    .meta({ description: 'The most effective measured recommendations, best first.' }),
  answer_feedback: z.object({ up: z.int(), down: z.int() }),
});

export const answerFeedbackResponse = z.object({
  id: z.string(),
  recorded_at: time,
  replaced: z
    .boolean()
    .meta({ description: 'True when it replaced an earlier rating of this answer by this user.' }),
});

export const weightsJson = z.object({
  version: z.string(),
  factors: numberMap.meta({ description: 'Weight of each factor, by name.' }),
  created_at: time,
  origin: z.string().meta({ description: '`seed`, `fit` or `rollback`.' }),
  fit: z
    .object({
      method: z.string(),
      outcomes: z.int(),
      base_version: z.string(),
      max_change: z.number(),
      error_before: z.number(),
      error_after: z.number(),
    })
    .nullable()
    .meta({ description: 'What a fitted version was fitted on.' }),
  restored_version: z.string().nullable(),
  active: z.boolean(),
});

export const weightsList = z.object({
  versions: z.array(weightsJson).meta({ description: 'Newest first.' }),
});
export const weightsResponse = z.object({ weights: weightsJson });
export const fitResponse = z.object({
  weights: weightsJson,
  changed: z.boolean().meta({ description: 'False when the fit moved no weight (nothing published).' }),
});
