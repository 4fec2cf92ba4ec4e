import { isErrorCode, type ErrorCode } from '@ragfleet/errors';
import type { GenerateV1, SessionV1 } from '@ragfleet/protos';
import { answerEventJson, citationJson, type AnswerEvent } from './public-json.ts';

/* Sessions, messages and turn events as the public API shows them (snake_case JSON). */

export function sessionJson(session: SessionV1.Session__Output) {
  return {
    id: session.id,
    title: session.title,
    topic: session.topic,
    labels: session.labels,
    created_at: session.createdAt || null,
    last_activity_at: session.lastActivityAt || null,
    message_count: session.messageCount,
    summary: session.summary,
    summarized_message_count: session.summarizedMessageCount,
  };
}

const ROLES: Record<SessionV1.Role__Output, string> = {
  ROLE_UNSPECIFIED: 'unknown',
  ROLE_USER: 'user',
  ROLE_ASSISTANT: 'assistant',
};

const TURN_STATUSES: Record<SessionV1.TurnStatus__Output, string> = {
  TURN_STATUS_UNSPECIFIED: 'unknown',
  TURN_STATUS_RUNNING: 'running',
  TURN_STATUS_DONE: 'done',
  TURN_STATUS_FAILED: 'failed',
};

export function messageJson(message: SessionV1.Message__Output) {
  return {
    id: message.id,
    role: ROLES[message.role] ?? 'unknown',
    text: message.text,
    citations: message.citations.map(citationJson),
    prompt_version: message.promptVersion,
    model: message.model,
    provider: message.provider,
    turn_id: message.turnId,
    status: TURN_STATUSES[message.status] ?? 'unknown',
    error_code: isErrorCode(message.errorCode) ? message.errorCode : null,
    created_at: message.createdAt || null,
  };
}

/** uint64 counters arrive as decimal strings; an operator's counts fit a double. */
export function statsJson(stats: SessionV1.GetStatsResponse__Output) {
  return {
    active_sessions: Number(stats.activeSessions),
    messages_last_hour: Number(stats.messagesLastHour),
    turns_per_minute: stats.turnsPerMinute,
    summaries_last_hour: Number(stats.summariesLastHour),
  };
}

export interface TurnError {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  attempts: number;
  fallback_suggestions: string[];
}

/**
 * One event of a turn: `seq` numbers it within the turn (from 1; what `after` resumes from). A
 * gateway-made event (the upstream went silent or away mid-turn) has `seq: 0`: it is not one of
 * the turn's events, and the turn may still be running, so resume after the last seq received.
 */
export type TurnEvent =
  | { type: 'started'; seq: number; session_id: string; turn_id: string; message_id: string }
  | (Exclude<AnswerEvent, { type: 'error' }> & { seq: number })
  | { type: 'error'; seq: number; error: TurnError };

/** A TurnEvent from the session service as a public event; undefined for one with no event set. */
export function turnEventJson(event: SessionV1.TurnEvent__Output): TurnEvent | undefined {
  const { seq } = event;
  if (event.event === 'started') {
    const started = event.started;
    return started
      ? {
          type: 'started',
          seq,
          session_id: started.sessionId,
          turn_id: started.turnId,
          message_id: started.messageId,
        }
      : undefined;
  }
  if (event.event === 'error') {
    const error = event.error;
    return {
      type: 'error',
      seq,
      error: {
        // An unknown code from upstream must not leak through as if it were part of our contract.
        code: isErrorCode(error?.code) ? error.code : 'INTERNAL',
        message: error?.message || 'The turn failed.',
        retryable: error?.retryable ?? false,
        attempts: error?.attempts ?? 0,
        fallback_suggestions: error?.fallbackSuggestions ?? [],
      },
    };
  }
  // The other events are generate's Answer events, wrapped: one mapping for /v1/rag and turns.
  const answer = answerEventJson(event as GenerateV1.AnswerResponse__Output);
  if (!answer || answer.type === 'error') return undefined;
  return { ...answer, seq };
}
