import type { RagfleetError } from '@ragfleet/errors';
import type { AnswerEvent } from '../public-json.ts';

/** An answer event as sent on a socket: the NDJSON event, tagged with the ask it belongs to. */
export type WsEvent = AnswerEvent & { id: string | null };

/** The `error` event for a RagfleetError; `id` is null when the message had no usable ask id. */
export function wsErrorEvent(id: string | null, error: RagfleetError): WsEvent & { type: 'error' } {
  const retryAfter = error.details?.retry_after;
  return {
    type: 'error',
    id,
    error: {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      ...(error.details ? { details: error.details } : {}),
      ...(typeof retryAfter === 'number' ? { retry_after: retryAfter } : {}),
    },
  };
}
