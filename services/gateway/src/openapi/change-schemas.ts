import { z } from 'zod';

/*
 * What the change-management routes answer (prompts, experiments, the shadow report, rollouts),
 * as built by change-json.ts; the experiments test checks real responses against these.
 */

export const promptVersionJson = z.object({
  version: z.string(),
  variables: z
    .array(z.string())
    .meta({ description: 'The variables the template uses, as validated at load.' }),
  digest: z.string().meta({ description: 'sha256 of the template text.' }),
});

export const promptFamilyJson = z.object({
  name: z
    .string()
    .meta({ description: 'e.g. `answer`, `session-summary`, `recommend-suggest`, `panel-risks`.' }),
  versions: z.array(promptVersionJson),
  default_version: z.string().meta({ description: 'The version used when a request names none.' }),
  default_source: z.string().meta({
    description:
      '`config` (the service setting), or `experiment:<id>` / `rollout:<id>` when one promoted it.',
  }),
});

export const promptList = z.object({ families: z.array(promptFamilyJson) });

export const variantJson = z.object({
  name: z.string(),
  prompt_version: z.string().nullable().meta({ description: 'null: the default version.' }),
  model: z.string().nullable().meta({ description: 'null: the router’s choice.' }),
  weight: z.number(),
});

export const variantResultJson = z.object({
  variant: z.string(),
  answers: z.int().meta({ description: 'Answers assigned to it.' }),
  errors: z.int(),
  rated: z.int().meta({ description: 'Answers with feedback.' }),
  thumbs_up: z.int(),
  cost_usd_total: z.number(),
  latency_ms_total: z.number(),
  value: z.number().meta({ description: "The deciding metric's value." }),
  ci_low: z.number().meta({ description: 'Confidence interval of `value` at the experiment’s level.' }),
  ci_high: z.number(),
});

export const experimentStates = ['running', 'completed', 'stopped', 'unknown'] as const;

export const experimentJson = z.object({
  id: z.string(),
  name: z.string(),
  family: z.string(),
  variants: z.array(variantJson),
  metric: z.enum(['thumbs_up_rate', 'error_rate', 'cost_per_answer', 'latency', 'unknown']),
  min_samples: z.int(),
  alpha: z.number(),
  max_samples: z.int().nullable().meta({ description: 'null: it never stops at a sample limit.' }),
  state: z.enum(experimentStates).meta({
    description:
      '`running`; `completed` (a significant winner, promoted as the default); `stopped` (by an operator, ' +
      'or at max_samples without a significant difference).',
  }),
  results: z.array(variantResultJson),
  winner: z.string().nullable(),
  decision: z.string().nullable().meta({
    description: 'How it was decided, in words: the test, the statistic, the corrected threshold.',
  }),
  created_at: z.string(),
  ended_at: z.string().nullable(),
});

export const experimentResponse = z.object({ experiment: experimentJson });
export const experimentList = z.object({ experiments: z.array(experimentJson) });

export const shadowReport = z.object({
  enabled: z.boolean(),
  share: z.number().meta({ description: 'Share of requests also run on the candidate.' }),
  summary: z
    .object({
      candidate: z.string(),
      runs: z.int(),
      errors: z.int(),
      latency_ms_delta: z.number().meta({ description: 'Mean, candidate minus primary.' }),
      cost_usd_delta: z.number(),
      length_ratio: z.number(),
      citation_overlap: z.number().meta({ description: 'Mean Jaccard overlap of the cited documents.' }),
      budget_usd: z.number(),
      spent_usd: z.number(),
      skipped_budget: z.int().meta({ description: 'Runs skipped because the shadow budget was spent.' }),
    })
    .nullable(),
});

export const rolloutStageJson = z.object({
  share: z.number(),
  hold_seconds: z.int(),
  hold_answers: z.int(),
});

export const rolloutJson = z.object({
  id: z.string(),
  family: z.string(),
  candidate: z.object({
    prompt_version: z.string().nullable(),
    model: z.string().nullable(),
    retrieval: z
      .object({
        mode: z.string().nullable(),
        fusion: z.string().nullable(),
        rerank: z.string().nullable(),
        k: z.int().nullable(),
      })
      .nullable()
      .meta({
        description: 'A retrieval candidate’s settings (null: not one); null fields keep the default.',
      }),
  }),
  stages: z.array(rolloutStageJson),
  stage: z.int().meta({ description: 'Index into `stages` of the stage in force.' }),
  share: z.number().meta({ description: 'The share in force (0 once rolled back).' }),
  state: z.enum(['running', 'completed', 'rolled_back', 'unknown']),
  max_error_rate: z.number(),
  min_quality: z.number(),
  min_rated: z.int(),
  min_recall: z
    .number()
    .nullable()
    .meta({ description: 'The recall@5 floor of a retrieval candidate; null: no recall guard.' }),
  recall_at_5: z.number().nullable().meta({
    description: 'The last recall@5 on the labelled set (at creation and before each advance); null: none.',
  }),
  current: variantResultJson
    .nullable()
    .meta({ description: "The candidate's results in the current stage." }),
  reason: z.string().nullable().meta({ description: 'Why it was rolled back (or `aborted`).' }),
  created_at: z.string(),
  stage_started_at: z.string().nullable(),
  ended_at: z.string().nullable(),
});

export const rolloutResponse = z.object({ rollout: rolloutJson });
export const rolloutList = z.object({ rollouts: z.array(rolloutJson) });
