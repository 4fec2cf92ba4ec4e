import { RagfleetError } from '@ragfleet/errors';
import type { GenerateV1 } from '@ragfleet/protos';
import { z } from 'zod';
import type { ChangeUpstreams } from '../upstreams.ts';
import type { RouteKit } from './route-kit.ts';

/*
 * The request side of the change-management routes (prompts, experiments, rollouts): strict
 * snake_case bodies checked at the edge, so a typo is a 400 naming the field rather than a
 * variant that silently changes nothing. Generate checks again what only it knows (that a
 * prompt version or a model exists) and answers INVALID_ARGUMENT or FAILED_PRECONDITION.
 */

export function changeUpstreams(kit: Pick<RouteKit, 'changes'>): ChangeUpstreams {
  if (!kit.changes) {
    throw new RagfleetError('SERVICE_UNAVAILABLE', 'Experiments are not reachable from this gateway.', {
      internal: 'no prompt/experiment/rollout upstreams configured',
    });
  }
  return kit.changes;
}

/** The deciding metrics, public name → proto enum. */
export const METRICS = {
  thumbs_up_rate: 'METRIC_THUMBS_UP_RATE',
  error_rate: 'METRIC_ERROR_RATE',
  cost_per_answer: 'METRIC_COST_PER_ANSWER',
  latency: 'METRIC_LATENCY',
} as const satisfies Record<string, GenerateV1.Metric>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as [MetricName, ...MetricName[]];

/** Generate's own ids are short tokens; anything else cannot name one of its records. */
const changeId = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'letters, digits and ._:- only (1-128)');

export const experimentParams = z.object({
  id: changeId.meta({ description: 'The experiment id, as `POST /v1/admin/experiments` answered it.' }),
});

export const rolloutParams = z.object({
  id: changeId.meta({ description: 'The rollout id, as `POST /v1/admin/rollouts` answered it.' }),
});

const family = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, _ and - (1-64)')
  .meta({ description: 'The prompt family (`GET /v1/admin/prompts`); default `answer`.' });

const promptVersion = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits and ._- only (1-64)')
  .meta({ description: "A version of the family's template; absent: the default version." });

const model = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}\/[A-Za-z0-9._:@/-]{1,128}$/, '"provider/model" from the catalog')
  .meta({ description: '`provider/model` from the catalog; absent: the router’s choice.' });

/** Weights are relative: 1:1 and 50:50 are the same split; a zero weight would be a dead variant. */
const weight = z
  .number()
  .gt(0)
  .max(1_000_000)
  .meta({ description: "Share of the experiment's traffic, relative to the others' (> 0)." });

const variant = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits and ._- only (1-64)')
    .meta({ description: 'Unique within the experiment; results and `done.variant` name it.' }),
  prompt_version: promptVersion.optional(),
  model: model.optional(),
  weight,
});

const MAX_SAMPLES = 10_000_000;

export const newExperimentBody = z
  .strictObject({
    name: z
      .string()
      .max(128)
      .refine((value) => value.trim().length > 0, 'must not be blank')
      .meta({ description: 'What the experiment is for, for people.' }),
    family: family.optional(),
    variants: z
      .array(variant)
      .min(2, 'at least two variants')
      .max(10, 'at most 10 variants')
      .meta({ description: 'Two or more; two with the same settings make an A/A test.' }),
    metric: z.enum(METRIC_NAMES).meta({
      description:
        'What decides: `thumbs_up_rate` (answer feedback, higher wins), `error_rate`, `cost_per_answer` ' +
        'or `latency` (time to first token; lower wins).',
    }),
    min_samples: z
      .int()
      .min(10)
      .max(MAX_SAMPLES)
      .meta({ description: 'Samples per variant before any decision (rated answers for thumbs_up_rate).' }),
    alpha: z
      .number()
      .gt(0)
      .max(0.2)
      .optional()
      .meta({ description: "Significance level, e.g. 0.05 (absent: the service's default)." }),
    max_samples: z
      .int()
      .min(10)
      .max(MAX_SAMPLES)
      .optional()
      .meta({ description: 'Samples per variant at which it stops without a winner; absent: never.' }),
  })
  .superRefine((body, context) => {
    const seen = new Set<string>();
    body.variants.forEach((entry, index) => {
      if (seen.has(entry.name)) {
        context.addIssue({ code: 'custom', path: ['variants', index, 'name'], message: 'duplicate name' });
      }
      seen.add(entry.name);
    });
    if (body.max_samples !== undefined && body.max_samples < body.min_samples) {
      context.addIssue({ code: 'custom', path: ['max_samples'], message: 'must be at least min_samples' });
    }
  });

export type NewExperimentBody = z.output<typeof newExperimentBody>;

export function createExperimentRequest(body: NewExperimentBody): GenerateV1.CreateExperimentRequest {
  return {
    name: body.name,
    family: body.family ?? '',
    variants: body.variants.map((entry) => ({
      name: entry.name,
      promptVersion: entry.prompt_version ?? '',
      model: entry.model ?? '',
      weight: entry.weight,
    })),
    metric: METRICS[body.metric],
    minSamples: body.min_samples,
    alpha: body.alpha ?? 0,
    maxSamples: body.max_samples ?? 0,
  };
}

const DAY_SECONDS = 86_400;

const stage = z.strictObject({
  share: z.number().gt(0).max(1).meta({ description: 'Share of traffic on the candidate, in (0, 1].' }),
  hold_seconds: z
    .int()
    .min(0)
    .max(30 * DAY_SECONDS)
    .meta({ description: 'Held at least this long before the next stage.' }),
  hold_answers: z
    .int()
    .min(0)
    .max(MAX_SAMPLES)
    .meta({ description: 'And for at least this many candidate answers.' }),
});

const rate = (description: string) => z.number().min(0).max(1).meta({ description });

/** generate's MAX_RETRIEVAL_K: retrieve's ceiling on passages per search. */
const MAX_RETRIEVAL_K = 50;

/** How a retrieval candidate searches; an absent field keeps retrieve's default. */
const retrieval = z
  .strictObject({
    mode: z.enum(['vector', 'keyword', 'hybrid']).optional(),
    fusion: z.enum(['rrf', 'minmax']).optional().meta({ description: 'Hybrid fusion.' }),
    rerank: z.enum(['none', 'mmr']).optional(),
    k: z
      .int()
      .min(1)
      .max(MAX_RETRIEVAL_K)
      .optional()
      .meta({ description: "Passages for the prompt, over the request's k." }),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: 'set mode, fusion, rerank or k',
  })
  .meta({
    description:
      'A retrieval candidate: its share of answers searches with these settings, and recall@5 on the ' +
      'service’s labelled set must stay at or over `min_recall` before each advance.',
  });

export const newRolloutBody = z
  .strictObject({
    family: family.optional(),
    candidate: z
      .strictObject({
        prompt_version: promptVersion.optional(),
        model: model.optional(),
        retrieval: retrieval.optional(),
      })
      .refine(
        (candidate) =>
          candidate.prompt_version !== undefined ||
          candidate.model !== undefined ||
          candidate.retrieval !== undefined,
        { message: 'name a prompt_version, a model and/or retrieval settings' },
      )
      .meta({ description: 'What is rolled out: a prompt version, a model and/or retrieval settings.' }),
    stages: z.array(stage).min(1).max(10).optional().meta({
      description: "Increasing shares ending at 1; absent: 10 % → 50 % → 100 % with the service's holds.",
    }),
    max_error_rate: rate('Rolled back when the candidate’s error rate exceeds this, in (0, 1); absent: 0.01.')
      .gt(0)
      .lt(1)
      .optional(),
    min_quality: rate(
      'Rolled back when its thumbs-up rate falls below this (once min_rated are rated); absent: the service’s floor.',
    ).optional(),
    min_rated: z
      .int()
      .min(0)
      .max(MAX_SAMPLES)
      .optional()
      .meta({ description: 'Rated answers needed before the quality floor applies.' }),
    min_recall: rate(
      'For a retrieval candidate: rolled back when recall@5 on the labelled set is under this; 0 or absent: ' +
        'the service’s floor (0.7).',
    ).optional(),
  })
  .superRefine((body, context) => {
    const stages = body.stages ?? [];
    stages.forEach((entry, index) => {
      const before = stages[index - 1];
      if (before && entry.share <= before.share) {
        context.addIssue({
          code: 'custom',
          path: ['stages', index, 'share'],
          message: 'must be larger than the stage before',
        });
      }
    });
    if (body.min_recall !== undefined && body.candidate.retrieval === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['min_recall'],
        message: 'only for a candidate with retrieval settings',
      });
    }
    const last = stages.at(-1);
    if (last && last.share !== 1) {
      context.addIssue({
        code: 'custom',
        path: ['stages', stages.length - 1, 'share'],
        message: 'the last stage must be 1 (all traffic)',
      });
    }
  });

export type NewRolloutBody = z.output<typeof newRolloutBody>;

export function createRolloutRequest(body: NewRolloutBody): GenerateV1.CreateRolloutRequest {
  return {
    family: body.family ?? '',
    candidate: {
      name: 'candidate',
      promptVersion: body.candidate.prompt_version ?? '',
      model: body.candidate.model ?? '',
      weight: 1,
      ...(body.candidate.retrieval
        ? {
            retrieval: {
              mode: body.candidate.retrieval.mode ?? '',
              fusion: body.candidate.retrieval.fusion ?? '',
              rerank: body.candidate.retrieval.rerank ?? '',
              k: body.candidate.retrieval.k ?? 0,
            },
          }
        : {}),
    },
    stages: (body.stages ?? []).map((entry) => ({
      share: entry.share,
      holdSeconds: entry.hold_seconds,
      holdAnswers: entry.hold_answers,
    })),
    maxErrorRate: body.max_error_rate ?? 0,
    minQuality: body.min_quality ?? 0,
    minRated: body.min_rated ?? 0,
    minRecall: body.min_recall ?? 0,
  };
}
