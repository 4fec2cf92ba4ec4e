import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '@ragfleet/errors';
import { SCOPES, TIERS } from '../auth/identity.ts';
import { named, type NamedSchema } from '../routes/route.ts';

/*
 * What the gateway answers, as zod schemas for the OpenAPI document. The request side is
 * generated from the very schemas that validate requests; responses are built by
 * public-json.ts, and the OpenAPI test checks real responses against these schemas so the two
 * cannot drift apart unnoticed.
 */

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const errorCode = z.enum(codes).meta({
  description:
    'Stable error code; clients branch on it. The HTTP status follows from it (see x-error-codes).',
});

export const errorEnvelope = z.object({
  error: z.object({
    code: errorCode,
    message: z.string(),
    details: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({
        description:
          'Errors about inputs (INVALID_ARGUMENT, and NOT_FOUND of a path id): `fields`, always a list of ' +
          '`{field, message}` with `field` as `body.<path>`, `query.<name>`, `path.<name>` or `header.<name>`. ' +
          'PAYLOAD_TOO_LARGE: `limit_bytes` and `setting`. FAILED_PRECONDITION of an activation: both scores.',
      }),
    request_id: z.string(),
    retryable: z.boolean(),
  }),
});

export const publicError = z.object({ code: errorCode, message: z.string(), retryable: z.boolean() });

const nullableTime = z.string().nullable();

export const jobJson = z.object({
  id: z.string(),
  state: z.enum(['unknown', 'queued', 'running', 'succeeded', 'failed']),
  document_ids: z.array(z.string()),
  documents_total: z.int(),
  documents_done: z.int(),
  chunks_indexed: z.int(),
  error: z.string().nullable(),
  /** The stable code of `error` (docs/errors.md), for programs; null while `error` is null. */
  error_code: errorCode.nullable(),
  created_at: nullableTime,
  updated_at: nullableTime,
});

export const jobResponse = z.object({ job: jobJson });

export const documentJson = z.object({
  id: z.string(),
  title: z.string(),
  metadata: z.record(z.string(), z.string()),
  chunk_count: z.int(),
  length: z.int(),
  updated_at: nullableTime,
});

/** `GET /v1/documents/:id`: the document, and with `include=text` its text. */
export const documentResponse = z.object({
  document: documentJson.extend({
    text: z.string().optional().meta({ description: 'Only with `include=text`.' }),
  }),
});

export const deletedDocument = z.object({
  deleted: z.literal(true),
  id: z.string(),
  chunks_removed: z.int(),
});

export const hitJson = z.object({
  chunk_id: z.string(),
  document_id: z.string(),
  title: z.string(),
  text: z.string(),
  score: z.number(),
  start: z.int(),
  end: z.int(),
  metadata: z.record(z.string(), z.string()),
});

/** A search hit; `scores` only from a retrieve that reports how it ranked (hybrid-capable). */
export const searchHitJson = hitJson.extend({
  scores: z
    .object({
      fused: z
        .number()
        .meta({ description: 'The fused score (hybrid), else the one ranking’s; equals `score`.' }),
      vector: z.number(),
      vector_rank: z.int().meta({ description: '1-based; 0: not among the vector candidates.' }),
      keyword: z.number(),
      keyword_rank: z.int().meta({ description: '1-based; 0: not among the keyword candidates.' }),
    })
    .optional()
    .meta({ description: 'Component scores of the hit.' }),
});

const fusionWeights = z.object({ vector: z.number(), keyword: z.number() });

/** `POST /v1/search`: the hits and, from a retrieve that reports them, the settings it used. */
export const searchResponse = z.object({
  hits: z.array(searchHitJson).meta({ description: 'Best first.' }),
  mode: z.string().optional().meta({ description: 'The settings used, defaults resolved.' }),
  fusion: z.string().optional(),
  weights: fusionWeights.nullable().optional(),
  rrf_k: z.int().optional(),
  rerank: z.string().optional(),
  mmr_lambda: z.number().optional(),
  candidates: z.int().optional(),
});

export const citationJson = z.object({
  index: z.int(),
  document_id: z.string(),
  chunk_id: z.string(),
  title: z.string(),
  text: z.string(),
  score: z.number(),
  start: z.int(),
  end: z.int(),
});

const usageFields = {
  input_tokens: z.int(),
  output_tokens: z.int(),
  provider: z.string(),
  model: z.string(),
};

const timeToFirstToken = z.int().meta({
  description:
    'Milliseconds from the question reaching generate to the first answer token; 0 without tokens.',
});

/** Why the router chose the answer's model (issue 12's routing economics). */
export const routeDecision = z.object({
  complexity_class: z.string().meta({ description: 'simple, medium, complex or reasoning.' }),
  score: z.number(),
  features: z
    .array(z.object({ name: z.string(), value: z.number(), contribution: z.number() }))
    .meta({ description: 'The complexity features and what each added to the score.' }),
  skipped: z
    .array(
      z.object({
        provider: z.string(),
        model: z.string(),
        reason: z.string().meta({ description: 'tier, quality, budget, breaker_open or context_window.' }),
      }),
    )
    .meta({ description: 'Models of the catalog the router left out, and why.' }),
  prefer: z.string().meta({ description: 'cost, quality or latency: what the route favoured.' }),
  budget_fallback: z.boolean().meta({
    description: 'True when the preferred model did not fit the remaining budget and a cheaper one answered.',
  }),
});

/** What `done` (and the JSON answer) says about the answer's economics. */
const doneEconomics = {
  cached: z.boolean().meta({
    description: 'Replayed from the response cache: no model was called, and it cost nothing.',
  }),
  cost_usd: z.number().meta({
    description:
      'USD at the catalog prices of the model, from the usage tokens; 0 when cached or for a free (local) model.',
  }),
  decision: routeDecision.nullable().meta({ description: "The router's decision; null when it gave none." }),
};

/** What `done` (and the JSON answer) names about the answer; absent when not set. */
const answerIdentity = {
  answer_id: z
    .string()
    .optional()
    .meta({ description: 'This answer’s id: what `POST /v1/answers/{id}/feedback` takes.' }),
  experiment_id: z
    .string()
    .optional()
    .meta({ description: 'The experiment or rollout that chose this answer’s variant; absent: none.' }),
  variant: z.string().optional().meta({ description: 'The variant it chose (`candidate` for a rollout).' }),
};

/** One panel specialist's part (`specialist_done`, and each of `panel.specialists`). */
export const specialistFields = {
  specialist: z.string().meta({ description: '`answer`, `risks`, `next_questions` or `decision`.' }),
  ok: z.boolean().meta({ description: 'False when it failed; the other specialists still return.' }),
  text: z.string().meta({ description: 'Its whole text (empty when it failed).' }),
  score: z
    .number()
    .nullable()
    .meta({ description: 'The decision specialist’s 0–100 signal; null for the others.' }),
  error: z.object({ code: errorCode, message: z.string() }).nullable(),
  latency_ms: z.number(),
  model: z.string(),
};

export const specialistJson = z.object(specialistFields);

const panelFields = {
  specialists: z.array(specialistJson).meta({ description: 'In the order the request named them.' }),
  elapsed_ms: z.number().meta({ description: 'Wall time of the whole panel.' }),
  slowest_ms: z.number().meta({ description: 'The slowest specialist’s time: a parallel panel’s floor.' }),
  sum_ms: z
    .number()
    .meta({ description: 'All specialists’ times added: what running them one by one costs.' }),
};

export const panelJson = z.object(panelFields);

export const answerJson = z.object({
  answer: z.string(),
  citations: z.array(citationJson),
  usage: z.object(usageFields).nullable(),
  provider: z.string(),
  model: z.string(),
  prompt_version: z.string(),
  finish_reason: z.string(),
  time_to_first_token_ms: timeToFirstToken,
  ...doneEconomics,
  ...answerIdentity,
  panel: panelJson.optional().meta({
    description:
      'Only when the request asked for a `panel`: every specialist, and its timing. `answer` is then the `answer` specialist’s text.',
  }),
});

/** One NDJSON line of `POST /v1/rag` streaming; on WebSocket the same objects carry the ask's `id`. */
export const answerEvent = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('status'),
      stage: z.string(),
      message: z.string(),
      provider: z.string(),
      model: z.string(),
    }),
    z.object({ type: z.literal('citations'), citations: z.array(citationJson) }),
    z.object({
      type: z.literal('token'),
      text: z.string(),
      specialist: z.string().optional().meta({ description: 'In a panel only: the specialist writing.' }),
    }),
    z.object({ type: z.literal('usage'), ...usageFields }),
    z.object({
      type: z.literal('done'),
      provider: z.string(),
      model: z.string(),
      finish_reason: z.string(),
      prompt_version: z.string(),
      time_to_first_token_ms: timeToFirstToken,
      ...doneEconomics,
      ...answerIdentity,
    }),
    z
      .object({ type: z.literal('specialist_done'), ...specialistFields })
      .meta({ description: 'A panel specialist finished (or failed).' }),
    z
      .object({ type: z.literal('panel_result'), ...panelFields })
      .meta({ description: 'Every specialist finished: the combined panel, just before `done`.' }),
    z.object({ type: z.literal('error'), error: publicError }),
  ])
  .meta({ description: 'Events end with exactly one `done` or `error`.' });

export const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.record(z.string(), z.string()),
});

/** An API key as the admin API shows it: never the key itself after creation, never its hash. */
export const apiKeyJson = z.object({
  id: z.string(),
  tenant: z.string(),
  user: z.string(),
  tier: z.enum(TIERS),
  scopes: z.array(z.enum(SCOPES)),
  created_at: z.string().nullable(),
});

export const createdKey = z.object({
  key: z.string().meta({ description: 'The API key in clear; shown this once only.' }),
  api_key: apiKeyJson,
});

export const wsTicket = z.object({
  ticket: z.string().meta({ description: 'Single use; pass it as `?ticket=` on the upgrade.' }),
  expires_at: z.string().meta({ description: 'RFC 3339; unused by then, it is refused.' }),
  url: z.string().meta({ description: 'The upgrade path with the ticket in place.' }),
});

export const revokedKey = z.object({ revoked: z.literal(true), id: z.string() });

/** An index version (routes/index-versions.ts `versionJson`); null when retrieve returned none. */
export const indexVersionJson = z
  .object({
    id: z.int(),
    model: z.string().meta({ description: 'The embedding model; empty: the embed service default.' }),
    state: z.string().meta({ description: '`building`, `ready`, `active`, `retired` or `failed`.' }),
    chunking: z
      .object({
        strategy: z.string(),
        size: z.int(),
        overlap: z.int(),
        sentences: z.int(),
        sentence_overlap: z.int(),
      })
      .nullable(),
    created_at: z.string(),
    documents_done: z.int(),
    documents_total: z.int(),
    chunks: z.int(),
    error: z.string(),
  })
  .nullable();

export const indexVersionResponse = z.object({ version: indexVersionJson });

export const indexVersionList = z.object({
  versions: z.array(indexVersionJson),
  active: z.int().meta({ description: 'The id of the version searches use; 0: none yet.' }),
  previous: z.int().nullable().meta({ description: 'The version a rollback returns to.' }),
});

export const activationResult = z.object({
  version: indexVersionJson,
  activated: z.literal(true).meta({ description: 'Always true: a refused activation is a 409.' }),
  forced: z.boolean().meta({ description: 'The gate failed and `force` activated the version anyway.' }),
  candidate_ndcg10: z.number(),
  active_ndcg10: z.number(),
});

/**
 * Shapes several routes share, named so that the document refers to them (`$ref`) instead of
 * repeating them inside every response that holds one.
 */
export const SHARED_COMPONENTS: NamedSchema[] = [
  named('ErrorEnvelope', errorEnvelope),
  named('Job', jobJson),
  named('Document', documentJson),
  named('SearchHit', searchHitJson),
  named('Citation', citationJson),
  named('IndexVersion', indexVersionJson),
  named('ApiKey', apiKeyJson),
];
