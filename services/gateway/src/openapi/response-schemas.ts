import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '@ragfleet/errors';

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
      .meta({ description: 'For INVALID_ARGUMENT: `fields`, a list of {field, message}.' }),
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
  created_at: nullableTime,
  updated_at: nullableTime,
});

export const documentJson = z.object({
  id: z.string(),
  title: z.string(),
  metadata: z.record(z.string(), z.string()),
  chunk_count: z.int(),
  length: z.int(),
  updated_at: nullableTime,
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

export const answerJson = z.object({
  answer: z.string(),
  citations: z.array(citationJson),
  usage: z.object(usageFields).nullable(),
  provider: z.string(),
  model: z.string(),
  prompt_version: z.string(),
  finish_reason: z.string(),
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
    z.object({ type: z.literal('token'), text: z.string() }),
    z.object({ type: z.literal('usage'), ...usageFields }),
    z.object({
      type: z.literal('done'),
      provider: z.string(),
      model: z.string(),
      finish_reason: z.string(),
      prompt_version: z.string(),
    }),
    z.object({ type: z.literal('error'), error: publicError }),
  ])
  .meta({ description: 'Events end with exactly one `done` or `error`.' });

export const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.record(z.string(), z.string()),
});
