import type { RagfleetError } from '@ragfleet/errors';
import type { AnswerEvent } from '../public-json.ts';
import type { RecommendEvent } from '../recommend-stream.ts';
import type { TurnEvent } from '../session-json.ts';

/**
 * An event as sent on a socket: the NDJSON event (of `/v1/rag`, of a turn for chat and resume
 * asks, of a subject's recommendations for recommend asks), tagged with the ask it belongs to.
 */
export type WsEvent = (AnswerEvent | TurnEvent | RecommendEvent) & { id: string | null };

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

/**
 * The same for a chat or resume ask: shaped as a turn's error event, with `seq: 0` (the gateway
 * made it; it is not one of the turn's events) and no attempts or fallbacks of its own.
 */
export function wsTurnErrorEvent(id: string | null, error: RagfleetError): WsEvent & { type: 'error' } {
  const event = wsErrorEvent(id, error);
  return { ...event, seq: 0, error: { ...event.error, attempts: 0, fallback_suggestions: [] } };
}

/** The same for a recommend ask: shaped as a recommendation stream's error event (`progress: null`). */
export function wsRecommendErrorEvent(id: string | null, error: RagfleetError): WsEvent & { type: 'error' } {
  return { ...wsErrorEvent(id, error), progress: null };
}
