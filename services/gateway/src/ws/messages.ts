import { z } from 'zod';
import { turnFields } from '../routes/session-turns.ts';
import { ragQuestionFields, resourceId } from '../routes/schemas.ts';

/*
 * What a WebSocket client may send. A rag ask carries exactly the fields of `POST /v1/rag`
 * (without `stream`: a socket always streams) plus the client's correlation id, which tags
 * every event of that ask.
 */

export const askId = z
  .string()
  .min(1)
  .max(128)
  .meta({ description: 'Client-chosen correlation id; every event of this ask carries it.' });

export const wsRagMessage = z.strictObject({
  type: z.literal('rag'),
  id: askId,
  ...ragQuestionFields,
});

export const wsCancelMessage = z.strictObject({
  type: z.literal('cancel'),
  id: askId.meta({ description: 'The id of the ask to cancel.' }),
});

/** Optional on chat and resume: without one the gateway picks it, and every event carries it. */
const optionalAskId = askId.optional();

/**
 * A turn of a conversation: the fields of `POST /v1/sessions/:id/turns`; without `session_id` the
 * gateway creates a session first, and the turn's `started` event announces it.
 */
export const wsChatMessage = z.strictObject({
  type: z.literal('chat'),
  id: optionalAskId,
  session_id: resourceId.optional().meta({ description: 'The conversation; absent: a new one.' }),
  ...turnFields,
});

/** After a reconnect: a turn's events after `after`, then the live rest (as `GET …/turns/:turn/events`). */
export const wsResumeMessage = z.strictObject({
  type: z.literal('resume'),
  id: optionalAskId,
  session_id: resourceId,
  turn: resourceId.meta({ description: 'The turn id from its `started` event.' }),
  after: z
    .int()
    .min(0)
    .max(999_999_999)
    .meta({ description: 'The last seq received; 0 replays the turn from its start.' }),
});

/** The recommendations of a subject, as `GET /v1/subjects/:id/recommendations` streams them. */
export const wsRecommendMessage = z.strictObject({
  type: z.literal('recommend'),
  id: optionalAskId,
  subject_id: resourceId.meta({ description: 'The subject, as `POST /v1/subjects` answered it.' }),
  include_model: z
    .boolean()
    .optional()
    .meta({ description: 'Ask the model for candidates too (default true); false: rule candidates only.' }),
  limit: z.int().min(1).max(100).optional().meta({ description: 'Recommendations per source (default 20).' }),
});

export const wsClientMessage = z.discriminatedUnion('type', [
  wsRagMessage,
  wsCancelMessage,
  wsChatMessage,
  wsResumeMessage,
  wsRecommendMessage,
]);

export type WsClientMessage = z.output<typeof wsClientMessage>;
export type WsRagMessage = z.output<typeof wsRagMessage>;
export type WsChatMessage = z.output<typeof wsChatMessage>;
export type WsResumeMessage = z.output<typeof wsResumeMessage>;
export type WsRecommendMessage = z.output<typeof wsRecommendMessage>;
/** A message that starts an ask, with its id settled (the client's, or one the gateway chose). */
export type WsAskMessage = (WsRagMessage | WsChatMessage | WsResumeMessage | WsRecommendMessage) & {
  id: string;
};
