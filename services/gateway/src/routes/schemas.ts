import { z } from 'zod';
import { DEFAULT_TIER, TIERS } from '../auth/identity.ts';

/*
 * Shared pieces of the public request schemas (snake_case, strict: unknown fields are errors).
 * The descriptions are part of the contract: the OpenAPI document (src/openapi/) is generated
 * from these same schemas, so a field is documented where it is validated.
 */

const CONTROL_CHARACTER = /\p{Cc}/u;

export const resourceId = z
  .string()
  .min(1)
  .max(512)
  .refine((value) => !CONTROL_CHARACTER.test(value), 'must not contain control characters')
  .meta({ description: 'A caller-chosen id, unique within the tenant; no control characters.' });

export const nonBlankText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, 'must not be blank');

export const stringMap = z
  .record(z.string().min(1).max(256), z.string().max(4096))
  .meta({ description: 'Flat string-to-string metadata.' });

export const topK = z
  .int()
  .min(1)
  .max(100)
  .meta({ description: 'How many chunks to retrieve (default: server side).' });

export const idParams = z.object({ id: resourceId });

/**
 * The one filter of `POST /v1/search`, `POST /v1/rag` and a WebSocket ask, under the one name
 * `filter`: every given condition must hold. `metadata` is the exact-match map the older
 * `filters` field was; the rest are retrieve's structured conditions.
 */
export const searchFilter = z
  .strictObject({
    metadata: stringMap
      .optional()
      .meta({ description: 'Documents whose metadata has all these key/value pairs, exactly.' }),
    tags: z
      .array(z.string().min(1).max(256))
      .max(1_000)
      .optional()
      .meta({ description: 'Documents whose metadata `tags` (comma-separated) holds any of these.' }),
    lang: z.string().min(1).max(64).optional().meta({ description: 'Metadata `lang`, exactly.' }),
    published_from: z
      .string()
      .max(64)
      .optional()
      .meta({ description: 'RFC 3339 lower bound (inclusive) on metadata `published_at`.' }),
    published_to: z
      .string()
      .max(64)
      .optional()
      .meta({ description: 'RFC 3339 upper bound (inclusive) on metadata `published_at`.' }),
    document_ids: z.array(resourceId).max(1_000).optional().meta({ description: 'Only these documents.' }),
  })
  .meta({ description: 'Which chunks may be returned; every given condition must hold.' });

export type SearchFilterInput = z.output<typeof searchFilter>;

/**
 * A field under its old name: documented as deprecated, and refused with a 400 that names the
 * field to use instead, rather than ignored (a strict object would only say "unknown field").
 */
export function renamedField(replacement: string) {
  return z
    .unknown()
    .refine(() => false, { message: `renamed: use \`${replacement}\` instead` })
    .optional()
    .meta({ deprecated: true, description: `Renamed to \`${replacement}\`; sending it is a 400.` });
}

/*
 * What generate's AnswerRequest carries of a filter: exact matches (retrieve takes `document_id`
 * as one of them). The conditions below cannot reach retrieve through generate yet, so a RAG
 * question naming them is refused by name rather than answered unfiltered.
 */
const NOT_THROUGH_GENERATE = ['tags', 'published_from', 'published_to'] as const;

/** `filter` as a RAG question takes it: the same shape, refusing what generate cannot pass on. */
export const ragFilter = searchFilter.superRefine((filter, context) => {
  for (const name of NOT_THROUGH_GENERATE) {
    if (filter[name] !== undefined) {
      context.addIssue({
        code: 'custom',
        path: [name],
        message: 'not supported for answers yet (search only)',
      });
    }
  }
  if ((filter.document_ids?.length ?? 0) > 1) {
    context.addIssue({
      code: 'custom',
      path: ['document_ids'],
      message: 'at most one document for answers yet (search takes many)',
    });
  }
  const lang = filter.metadata?.lang;
  if (lang !== undefined && filter.lang !== undefined && lang !== filter.lang) {
    context.addIssue({ code: 'custom', path: ['lang'], message: 'differs from metadata.lang' });
  }
});

/** A RAG filter as generate's exact-match map. */
export function exactMatches(filter: SearchFilterInput | undefined): Record<string, string> {
  if (!filter) return {};
  const [documentId] = filter.document_ids ?? [];
  return {
    ...filter.metadata,
    ...(filter.lang !== undefined ? { lang: filter.lang } : {}),
    ...(documentId !== undefined ? { document_id: documentId } : {}),
  };
}

/** The panel specialists generate knows (its `panel-<name>` prompt families). */
export const PANEL_SPECIALISTS = ['answer', 'risks', 'next_questions', 'decision'] as const;

/**
 * A panel instead of one answer: the named specialists run in parallel over the same passages.
 * Duplicates are refused rather than merged: two `risks` would be one specialist run twice.
 */
export const panelField = z
  .array(z.enum(PANEL_SPECIALISTS))
  .min(1, 'at least one specialist (omit `panel` for a plain answer)')
  .max(PANEL_SPECIALISTS.length)
  .superRefine((names, context) => {
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index)
        context.addIssue({ code: 'custom', path: [index], message: `duplicate specialist ${name}` });
    });
  })
  .meta({
    description:
      'Ask a panel: these specialists (`answer`, `risks`, `next_questions`, `decision` with a 0–100 score) ' +
      'run in parallel over the same retrieved passages. Streamed tokens carry `specialist`; each ends with ' +
      'a `specialist_done` event, then one `panel_result` before `done`. Absent: one plain answer.',
  });

/** What a RAG question carries, over HTTP (`POST /v1/rag`) and WebSocket (`{"type":"rag"}`) alike. */
export const ragQuestionFields = {
  query: nonBlankText(8_000).meta({
    description: 'The question, in natural language.',
    examples: ['What is alpha?'],
  }),
  k: topK.optional(),
  filter: ragFilter.optional(),
  filters: renamedField('filter.metadata'),
  tier: z
    .enum(TIERS)
    .optional()
    .meta({
      description:
        'Service tier; picks the model chain. Default: the caller’s tier (its key’s or token’s; anonymous ' +
        `development callers: GATEWAY_ANONYMOUS_TIER, \`${DEFAULT_TIER}\` unless set). A tier dearer than the ` +
        'caller’s is lowered to it.',
    }),
  prompt_version: z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'Pin a prompt template version instead of the A/B assignment.' }),
  prefer: z
    .enum(['cost', 'quality', 'latency'])
    .optional()
    .meta({
      description:
        'What the router favours among the models the tier allows: the cheapest that clears the question’s ' +
        'quality bar (cost, the default), the best (quality) or the fastest (latency).',
    }),
  panel: panelField.optional(),
};

/*
 * Retrieve's chunking strategies (protos/ragfleet/retrieve/v1/retrieve.proto, IngestDocumentsRequest);
 * their sizes and overlaps are retrieve's configuration, so a request names only the strategy.
 */
export const CHUNK_STRATEGIES = ['characters', 'sentences', 'markdown'] as const;

export const chunking = z.enum(CHUNK_STRATEGIES).meta({
  description:
    'How retrieve cuts these documents into chunks: `characters` (fixed windows with overlap), ' +
    '`sentences` (groups of sentences) or `markdown` (sections by heading, long ones cut by size). ' +
    "Absent: the service's default. Sizes and overlaps are service settings.",
});

/* POST /v1/search options beyond query, k and filter (retrieve checks the ranges it owns too). */
const weight = z.number().min(0).max(1);
export const searchOptions = z.object({
  mode: z
    .enum(['vector', 'keyword', 'hybrid'])
    .optional()
    .meta({
      description:
        'Which index answers: `vector` (embeddings), `keyword` (BM25) or `hybrid` (both, fused). ' +
        "Absent: the service's default.",
    }),
  fusion: z
    .enum(['rrf', 'minmax', 'zscore'])
    .optional()
    .meta({
      description:
        'Hybrid fusion: `rrf` (weighted reciprocal rank), `minmax` or `zscore` (normalized scores). ' +
        "Absent: the service's default.",
    }),
  weights: z
    .strictObject({ vector: weight, keyword: weight })
    .optional()
    .meta({ description: "Weights of the two rankings in hybrid fusion. Absent: the service's defaults." }),
  rrf_k: z
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .meta({ description: "The k constant of reciprocal rank fusion. Absent: the service's default." }),
  rerank: z.enum(['none', 'mmr']).optional().meta({
    description: "Rerank stage after fusion: `none` or `mmr` (diversity). Absent: the service's default.",
  }),
  mmr_lambda: z.number().gt(0).max(1).optional().meta({
    description: 'MMR trade-off: 1 is pure relevance, lower values favour diversity.',
  }),
  candidates: z.int().min(1).max(1_000).optional().meta({
    description: 'Candidates fetched from each ranking before fusion and rerank.',
  }),
  filter: searchFilter.optional(),
  filters: renamedField('filter.metadata'),
});
