import { z } from 'zod';
import { answerEvent, answerJson, citationJson, errorCode } from './response-schemas.ts';

/* What the session routes answer (src/session-json.ts builds it), for the OpenAPI document. */

export const sessionJson = z.object({
  id: z.string(),
  title: z.string(),
  topic: z.string(),
  labels: z.array(z.string()),
  created_at: z.string().nullable(),
  last_activity_at: z
    .string()
    .nullable()
    .meta({ description: 'RFC 3339; the inactivity TTL counts from it.' }),
  message_count: z.int().meta({ description: 'Messages ever appended, summarized ones included.' }),
  summary: z
    .string()
    .meta({ description: 'The rolling summary of the messages no longer kept; may be empty.' }),
  summarized_message_count: z
    .int()
    .meta({ description: 'How many of the oldest messages the summary stands for.' }),
});

export const messageJson = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant', 'unknown']),
  text: z.string(),
  citations: z.array(citationJson).meta({ description: 'The sources an assistant reply cites.' }),
  prompt_version: z.string(),
  model: z.string(),
  provider: z.string(),
  turn_id: z.string(),
  status: z.enum(['running', 'done', 'failed', 'unknown']),
  error_code: errorCode.nullable().meta({ description: 'The code a failed turn ended with.' }),
  created_at: z.string().nullable(),
});

export const sessionResponse = z.object({ session: sessionJson });

export const sessionList = z.object({
  sessions: z.array(sessionJson).meta({ description: 'The caller’s own, most recent activity first.' }),
  next_cursor: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `cursor` for the next page; null on the last.' }),
});

export const sessionWithMessages = z.object({
  session: sessionJson,
  messages: z
    .array(messageJson)
    .meta({ description: 'One page of the kept messages, oldest first within it.' }),
  next_cursor: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `cursor` for the page of older messages; null on the oldest.' }),
});

export const sessionStats = z.object({
  active_sessions: z.int().meta({ description: 'Sessions with activity within the inactivity TTL.' }),
  messages_last_hour: z.int(),
  turns_per_minute: z.number().meta({ description: 'Turns started in the last 60 minutes, divided by 60.' }),
  summaries_last_hour: z.int(),
});

const seq = z
  .int()
  .min(0)
  .meta({
    description:
      'The event’s number within the turn, from 1; `after` resumes from it and a UI deduplicates by it. ' +
      '0 only on an `error` the gateway itself ends the stream with (the upstream failed or went silent): ' +
      'the turn may still be running, so resume after the last seq received.',
  });

const turnStarted = z.object({
  type: z.literal('started'),
  seq,
  session_id: z.string(),
  turn_id: z.string(),
  message_id: z.string().meta({ description: 'The id of the user message this turn appended.' }),
});

const turnError = z.object({
  type: z.literal('error'),
  seq,
  error: z.object({
    code: errorCode,
    message: z.string(),
    retryable: z.boolean(),
    attempts: z
      .int()
      .meta({ description: 'Provider attempts made before giving up; 0 when none was called.' }),
    fallback_suggestions: z.array(z.string()).meta({
      description: 'Questions the user could ask instead, built from the retrieved titles; may be empty.',
    }),
  }),
});

/** A turn is one answer, never a panel: its events are the answer's, without the panel's and the error. */
const NOT_IN_TURNS: ReadonlySet<string> = new Set(['error', 'specialist_done', 'panel_result']);
const answerOptions = answerEvent.options.filter((option) => !NOT_IN_TURNS.has(option.shape.type.value));

/** One NDJSON line of a turn (and of its resume); on WebSocket the same objects carry the ask `id`. */
export const turnEvent = z
  .discriminatedUnion('type', [
    turnStarted,
    ...answerOptions.map((option) => option.extend({ seq })),
    turnError,
  ])
  .meta({ description: 'Starts with `started` (seq 1); ends with exactly one `done` or `error`.' });

export const turnAnswer = answerJson.extend({
  session_id: z.string(),
  turn_id: z.string(),
  message_id: z.string(),
  last_seq: z.int().meta({ description: 'The seq of the turn’s `done` event.' }),
});
