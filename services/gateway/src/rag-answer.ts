import { RagfleetError } from '@ragfleet/errors';
import type { GenerateV1 } from '@ragfleet/protos';
import {
  answerEventJson,
  type AnswerEvent,
  type AnswerIdentity,
  type DoneEconomics,
  type PanelJson,
  type PublicError,
} from './public-json.ts';
import { exactMatches, type SearchFilterInput } from './routes/schemas.ts';

type Citations = Extract<AnswerEvent, { type: 'citations' }>['citations'];
type Usage = Omit<Extract<AnswerEvent, { type: 'usage' }>, 'type'>;

export interface AnswerJson extends DoneEconomics, AnswerIdentity {
  answer: string;
  citations: Citations;
  usage: Usage | null;
  provider: string;
  model: string;
  prompt_version: string;
  finish_reason: string;
  time_to_first_token_ms: number;
  /** Only for a panel: every specialist's part and the panel's timing (`answer` is the answer specialist's). */
  panel?: PanelJson;
}

/** A validated question (HTTP body or WebSocket message) as the upstream request; 0/'' mean "server default". */
export function answerRequest(question: {
  query: string;
  k?: number | undefined;
  filter?: SearchFilterInput | undefined;
  tier?: string | undefined;
  prompt_version?: string | undefined;
  prefer?: string | undefined;
  panel?: readonly string[] | undefined;
}): GenerateV1.AnswerRequest {
  return {
    query: question.query,
    k: question.k ?? 0,
    filters: exactMatches(question.filter),
    tier: question.tier ?? '',
    promptVersion: question.prompt_version ?? '',
    prefer: question.prefer ?? '',
    panel: [...(question.panel ?? [])],
  };
}

export function errorFromEvent(error: PublicError): RagfleetError {
  return new RagfleetError(error.code, error.message, { retryable: error.retryable });
}

/** The upstream stream ended without `done` or `error`: the answer may be cut short, so say so. */
export function truncatedStreamError(): RagfleetError {
  return new RagfleetError('PROVIDER_FAILED', 'The answer stream ended before completion.', {
    retryable: true,
  });
}

/**
 * An upstream stream's messages as public events, in order, skipping those `toEvent` maps to
 * nothing; ends after the terminal event (`done` or `error`). Closed after that event, it reads
 * the upstream's end rather than cancelling the call: all that is left is the OK status, and a
 * cancel makes grpc-js build and format an error with a stack for every answer (3% of the
 * gateway's CPU).
 */
export async function* eventsUntilTerminal<M, E extends { type: string }>(
  messages: AsyncIterable<M>,
  toEvent: (message: M) => E | undefined,
  isTerminal: (event: E) => boolean = (event) => event.type === 'done' || event.type === 'error',
): AsyncGenerator<E> {
  const upstream = messages[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const next = await upstream.next();
      if (next.done) return;
      const event = toEvent(next.value);
      if (!event) continue;
      finished = isTerminal(event);
      yield event;
      if (finished) return;
    }
  } finally {
    // In the background, so that the caller's response does not wait for the upstream's end.
    if (finished) void readEnd(upstream);
    else await upstream.return?.();
  }
}

/** generate's Answer messages as public events (/v1/rag, WebSocket asks). */
export function answerEvents(
  messages: AsyncIterable<GenerateV1.AnswerResponse__Output>,
): AsyncGenerator<AnswerEvent> {
  return eventsUntilTerminal(messages, answerEventJson);
}

/** Reads the status after the last event; an upstream that sends more is cancelled. */
export async function readEnd(upstream: AsyncIterator<unknown>): Promise<void> {
  try {
    if (!(await upstream.next()).done) await upstream.return?.();
  } catch {
    // the call failed after its last event: nothing is left to tell anyone
  }
}

/** The specialist whose text a panel's JSON answer shows as `answer`. */
const ANSWER_SPECIALIST = 'answer';

/**
 * A whole answer for clients that did not ask for a stream; an error event becomes a thrown
 * error. In a panel the specialists' tokens interleave: `answer` keeps only the answer
 * specialist's, and `panel` holds every specialist's whole text from `panel_result`.
 */
export async function collectAnswer(events: AsyncIterable<AnswerEvent>): Promise<AnswerJson> {
  const tokens: string[] = [];
  let citations: Citations = [];
  let usage: Usage | null = null;
  let panel: PanelJson | undefined;
  for await (const event of events) {
    switch (event.type) {
      case 'citations':
        citations = event.citations;
        break;
      case 'token':
        if (event.specialist === undefined || event.specialist === ANSWER_SPECIALIST) tokens.push(event.text);
        break;
      case 'panel_result': {
        const { type: _type, ...rest } = event;
        panel = rest;
        break;
      }
      case 'specialist_done':
        break;
      case 'usage': {
        const { type: _type, ...rest } = event;
        usage = rest;
        break;
      }
      case 'error':
        throw errorFromEvent(event.error);
      case 'done':
        return {
          answer: tokens.join(''),
          citations,
          usage,
          provider: event.provider,
          model: event.model,
          prompt_version: event.prompt_version,
          finish_reason: event.finish_reason,
          time_to_first_token_ms: event.time_to_first_token_ms,
          cached: event.cached,
          cost_usd: event.cost_usd,
          decision: event.decision,
          ...(event.answer_id !== undefined ? { answer_id: event.answer_id } : {}),
          ...(event.experiment_id !== undefined ? { experiment_id: event.experiment_id } : {}),
          ...(event.variant !== undefined ? { variant: event.variant } : {}),
          ...(panel ? { panel } : {}),
        };
      case 'status':
        break;
    }
  }
  throw truncatedStreamError();
}
