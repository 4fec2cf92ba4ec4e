import { z } from 'zod';

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

const TIERS = ['free', 'standard', 'premium'] as const;

/** What a RAG question carries, over HTTP (`POST /v1/rag`) and WebSocket (`{"type":"rag"}`) alike. */
export const ragQuestionFields = {
  query: nonBlankText(8_000).meta({
    description: 'The question, in natural language.',
    examples: ['What is alpha?'],
  }),
  k: topK.optional(),
  filters: stringMap
    .optional()
    .meta({ description: 'Only chunks of documents whose metadata has all these key/value pairs.' }),
  tier: z
    .enum(TIERS)
    .optional()
    .meta({ description: 'Service tier; picks the model chain (default: free).' }),
  prompt_version: z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'Pin a prompt template version instead of the A/B assignment.' }),
};

/* POST /v1/search options beyond query, k and filters (retrieve checks the ranges it owns too). */
const weight = z.number().min(0).max(1);
export const searchOptions = z.object({
  mode: z.enum(['vector', 'keyword', 'hybrid']).optional(),
  fusion: z.enum(['rrf', 'minmax', 'zscore']).optional(),
  weights: z.strictObject({ vector: weight, keyword: weight }).optional(),
  rrf_k: z.int().min(1).max(10_000).optional(),
  rerank: z.enum(['none', 'mmr']).optional(),
  mmr_lambda: z.number().gt(0).max(1).optional(),
  candidates: z.int().min(1).max(1_000).optional(),
  filter: z
    .strictObject({
      tags: z.array(z.string().min(1).max(256)).max(1_000).optional(),
      lang: z.string().min(1).max(64).optional(),
      published_from: z.string().max(64).optional(),
      published_to: z.string().max(64).optional(),
      document_ids: z.array(resourceId).max(1_000).optional(),
    })
    .optional(),
});
