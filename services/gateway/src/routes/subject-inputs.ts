import { z } from 'zod';
import { RagfleetError } from '@ragfleet/errors';
import type { FeedbackV1 } from '@ragfleet/protos';
import type { RecommendationUpstreams } from '../upstreams.ts';
import type { RouteKit } from './route-kit.ts';
import { nonBlankText, resourceId } from './schemas.ts';

/*
 * What the subject and recommendation routes accept (snake_case, strict: unknown fields are
 * errors). Metric values are checked here, at the edge, as finite numbers: JSON cannot carry NaN,
 * but "NaN" strings, nulls and objects can arrive, and they must be a 400 naming the field rather
 * than reach the store. The feedback service checks them against the pack's schema as well.
 */

/** The scorer and the feedback service, or SERVICE_UNAVAILABLE on a gateway without them. */
export function recommendationUpstreams(kit: Pick<RouteKit, 'recommendations'>): RecommendationUpstreams {
  if (!kit.recommendations) {
    throw new RagfleetError('SERVICE_UNAVAILABLE', 'Recommendations are not enabled on this gateway.', {
      internal: 'no recommend/feedback upstreams configured',
    });
  }
  return kit.recommendations;
}

export const subjectParams = z.object({
  id: resourceId.meta({ description: 'The subject id, as `POST /v1/subjects` answered it.' }),
});

export const recommendationParams = z.object({
  id: resourceId.meta({ description: 'The recommendation id, from a recommendation stream or list.' }),
});

/** Names of metrics, scopes and labels: what a pack's metric schema can name, no more. */
const name = (description: string) =>
  z
    .string()
    .regex(
      /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/,
      'must be a letter then letters, digits, `_`, `.` or `-` (at most 128)',
    )
    .meta({ description });

const MAX_METRICS = 500;
const MAX_SCOPES = 16;
const MAX_ITEMS = 10_000;

/** At most `max` entries: the body limit bounds bytes, this bounds what the store must index. */
function atMost<T extends Record<string, unknown>>(max: number) {
  return (value: T) => Object.keys(value).length <= max;
}

export const metricValue = z.number().meta({ description: 'A finite number (no strings, nulls or NaN).' });

export const metricMap = z
  .record(name('A metric name from the pack’s schema.'), metricValue)
  .refine(atMost(MAX_METRICS), `at most ${MAX_METRICS} metrics`)
  .meta({ description: 'Metric values by name, e.g. `{"routing_revenue_sat": 1200}`.' });

const metricItem = z.strictObject({
  id: resourceId.meta({ description: 'The item’s id within its scope (a channel id).' }),
  metrics: metricMap,
});

export const metricsBody = z.strictObject({
  observed_at: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'RFC 3339: when the metrics were observed. Default: now.' }),
  metrics: metricMap,
  collections: z
    .record(
      name('A collection scope from the pack’s schema, e.g. `channel`.'),
      z.array(metricItem).max(MAX_ITEMS),
    )
    .refine(atMost(MAX_SCOPES), `at most ${MAX_SCOPES} scopes`)
    .optional()
    .meta({ description: 'Items by scope, each with its own metrics (a node’s channels).' }),
});

export type MetricsBody = z.output<typeof metricsBody>;

/** The body as the service's snapshot; `observed_at` defaults to the time it arrived. */
export function snapshotOf(body: MetricsBody, now = new Date()): FeedbackV1.MetricSnapshot {
  return {
    observedAt: body.observed_at ?? now.toISOString(),
    metrics: body.metrics,
    collections: Object.entries(body.collections ?? {}).map(([scope, items]) => ({
      scope,
      items: items.map((item) => ({ id: item.id, metrics: item.metrics })),
    })),
  };
}

export const newSubjectBody = z.strictObject({
  id: resourceId
    .optional()
    .meta({ description: 'A new id for the tenant (else 409 CONFLICT); absent: made up.' }),
  pack: name('The rule pack its metrics follow, e.g. `lightning`.'),
  name: nonBlankText(200).meta({ description: 'Shown in lists; at most 200 characters.' }),
  labels: z
    .record(z.string().min(1).max(64), z.string().max(256))
    .refine(atMost(32), 'at most 32 labels')
    .optional()
    .meta({ description: 'Free labels, not interpreted (at most 32).' }),
});

/** `?flag=true|false` as the query parser leaves it: a string. */
const queryFlag = (description: string) =>
  z
    .enum(['true', 'false', '1', '0'])
    .transform((value) => value === 'true' || value === '1')
    .optional()
    .meta({ description });

export const recommendQuery = z.object({
  stream: queryFlag('Stream NDJSON events (also chosen by Accept: application/x-ndjson).'),
  include_model: queryFlag('Ask the model for candidates too (default true); false: rule candidates only.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Recommendations per source, 1 to 100 (default: the scorer’s, 20).' }),
});

const fraction = z.number().min(0).max(1);
const nonNegative = z.number().min(0);

export const effectsInput = z.strictObject({
  revenue_delta_fraction: z.number().min(-10).max(10).optional().meta({ description: '0.1 is +10 %.' }),
  steps: nonNegative.optional().meta({ description: 'Operator steps to apply it.' }),
  risk: fraction.optional().meta({ description: '0 (harmless) to 1 (certain harm).' }),
  days_to_value: nonNegative.optional(),
  inputs_present: nonNegative.optional(),
  inputs_expected: nonNegative.optional(),
});

const candidateInput = z.strictObject({
  id: resourceId.optional().meta({ description: 'Absent: the scorer makes one from action and target.' }),
  category: z.string().min(1).max(128),
  action: z.string().min(1).max(128),
  target: z.string().max(512).optional(),
  description: z.string().max(4_000).optional(),
  effects: effectsInput.optional(),
});

export const scoreBody = z.strictObject({
  candidates: z.array(candidateInput).min(1).max(1_000),
});

export type ScoreBody = z.output<typeof scoreBody>;

export function candidatesOf(body: ScoreBody) {
  return body.candidates.map((candidate) => ({
    id: candidate.id ?? '',
    category: candidate.category,
    action: candidate.action,
    target: candidate.target ?? '',
    description: candidate.description ?? '',
    effects: {
      revenueDeltaFraction: candidate.effects?.revenue_delta_fraction,
      steps: candidate.effects?.steps,
      risk: candidate.effects?.risk,
      daysToValue: candidate.effects?.days_to_value,
      inputsPresent: candidate.effects?.inputs_present,
      inputsExpected: candidate.effects?.inputs_expected,
    },
  }));
}

export const transitionBody = z.strictObject({
  note: z
    .string()
    .max(2_000)
    .optional()
    .meta({ description: 'Words from the person who acted (why dismissed).' }),
});

export const MAX_FEEDBACK_COMMENT = 2_000;

export const answerFeedbackBody = z
  .strictObject({
    rating: z.enum(['up', 'down']),
    comment: z
      .string()
      .max(MAX_FEEDBACK_COMMENT)
      .optional()
      .meta({ description: `At most ${MAX_FEEDBACK_COMMENT.toLocaleString('en')} characters.` }),
    kind: z
      .enum(['rag', 'chat'])
      .optional()
      .meta({ description: 'Which answer: `rag` (default) or `chat`.' }),
    session_id: resourceId.optional().meta({ description: 'The chat session, for kind `chat`.' }),
  })
  .refine((body) => body.session_id === undefined || body.kind === 'chat', {
    path: ['session_id'],
    message: 'only with kind `chat`',
  });

export const answerParams = z.object({
  id: resourceId.meta({ description: 'The answer’s id (a RAG answer’s, or a chat turn’s message id).' }),
});

export const statsQuery = z.object({
  top: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'How many top effective recommendations (default 5).' }),
});

export const weightsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Versions, newest first (default 50).' }),
});

export const rollbackBody = z.strictObject({
  version: z.string().min(1).max(128).meta({ description: 'The version to make active again.' }),
});
