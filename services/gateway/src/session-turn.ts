import { invalidField, RagfleetError } from '@ragfleet/errors';
import type { SessionV1 } from '@ragfleet/protos';
import { collectAnswer, eventsUntilTerminal, type AnswerJson } from './rag-answer.ts';
import type { AnswerEvent } from './public-json.ts';
import { exactMatches, type SearchFilterInput } from './routes/schemas.ts';
import { turnEventJson, type TurnError, type TurnEvent } from './session-json.ts';

/** A validated turn (HTTP body or WebSocket chat) as the session service's request; 0/'' mean "server default". */
export function turnRequest(
  sessionId: string,
  turn: {
    message: string;
    k?: number | undefined;
    filter?: SearchFilterInput | undefined;
    prompt_version?: string | undefined;
  },
): SessionV1.TurnRequest {
  return {
    sessionId,
    message: turn.message,
    k: turn.k ?? 0,
    // The same mapping as /v1/rag: a turn's filter reaches generate exactly as a question's does.
    filters: exactMatches(turn.filter),
    promptVersion: turn.prompt_version ?? '',
  };
}

/** A turn's error event as an error: the turn's ids and the fallbacks travel in its details. */
export function turnFailure(
  error: TurnError,
  turn: { session_id?: string | undefined; turn_id?: string | undefined } = {},
): RagfleetError {
  return new RagfleetError(error.code, error.message, {
    retryable: error.retryable,
    details: {
      ...(turn.session_id ? { session_id: turn.session_id } : {}),
      ...(turn.turn_id ? { turn_id: turn.turn_id } : {}),
      attempts: error.attempts,
      fallback_suggestions: error.fallback_suggestions,
    },
  });
}

/** The error event that ends a turn stream the gateway cuts short: `seq: 0`, not one of the turn's. */
export function gatewayTurnError(error: RagfleetError): TurnEvent {
  return {
    type: 'error',
    seq: 0,
    error: {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      attempts: 0,
      fallback_suggestions: [],
    },
  };
}

/** The session service's TurnEvents as public events, to the terminal one (as /v1/rag's). */
export function turnEvents(events: AsyncIterable<SessionV1.TurnEvent__Output>): AsyncGenerator<TurnEvent> {
  return eventsUntilTerminal(events, turnEventJson);
}

export interface TurnAnswerJson extends AnswerJson {
  session_id: string;
  turn_id: string;
  /** The user message this turn appended. */
  message_id: string;
  /** The seq of the turn's last event (`done`): resuming after it replays nothing. */
  last_seq: number;
}

/**
 * A whole turn for clients that did not ask for a stream, collected as /v1/rag's answer is: the
 * `started` event gives the ids, an error event becomes a thrown error carrying them and the
 * fallbacks, and the seqs are dropped from the answer's events.
 */
export async function collectTurn(events: AsyncIterable<TurnEvent>): Promise<TurnAnswerJson> {
  let ids = { session_id: '', turn_id: '', message_id: '' };
  let lastSeq = 0;
  async function* answerEvents(): AsyncGenerator<AnswerEvent> {
    for await (const event of events) {
      lastSeq = event.seq;
      if (event.type === 'started') {
        ids = { session_id: event.session_id, turn_id: event.turn_id, message_id: event.message_id };
        continue;
      }
      if (event.type === 'error') throw turnFailure(event.error, ids);
      const { seq: _seq, ...answerEvent } = event;
      yield answerEvent as AnswerEvent;
    }
  }
  const answer = await collectAnswer(answerEvents());
  return { ...ids, ...answer, last_seq: lastSeq };
}

/**
 * The session service names a bad resume offset `after_seq`; the client sent it as `field`
 * (`query.after`, `message.after`). Any other error goes on as it came.
 */
export function offsetError(error: RagfleetError, field: string): RagfleetError {
  if (error.code !== 'INVALID_ARGUMENT') return error;
  const fields = Array.isArray(error.details?.fields)
    ? (error.details.fields as Array<{ field?: unknown }>)
    : [];
  const aboutOffset =
    error.details?.field === 'after_seq' || fields.some((problem) => problem.field === 'after_seq');
  return aboutOffset ? invalidField(field, 'is past the last event of the turn') : error;
}
