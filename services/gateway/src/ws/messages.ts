import { z } from 'zod';
import { ragQuestionFields } from '../routes/schemas.ts';

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

export const wsClientMessage = z.discriminatedUnion('type', [wsRagMessage, wsCancelMessage]);

export type WsClientMessage = z.output<typeof wsClientMessage>;
export type WsRagMessage = z.output<typeof wsRagMessage>;
