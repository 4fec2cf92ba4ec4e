import { RagfleetError } from '@ragfleet/errors';
import type { GenerateV1 } from '@ragfleet/protos';
import { answerEventJson, type AnswerEvent, type PublicError } from './public-json.ts';
import { exactMatches, type SearchFilterInput } from './routes/schemas.ts';

type Citations = Extract<AnswerEvent, { type: 'citations' }>['citations'];
type Usage = Omit<Extract<AnswerEvent, { type: 'usage' }>, 'type'>;

export interface AnswerJson {
  answer: string;
  citations: Citations;
  usage: Usage | null;
  provider: string;
  model: string;
  prompt_version: string;
  finish_reason: string;
  time_to_first_token_ms: number;
}

/** A validated question (HTTP body or WebSocket message) as the upstream request; 0/'' mean "server default". */
export function answerRequest(question: {
  query: string;
  k?: number | undefined;
  filter?: SearchFilterInput | undefined;
  tier?: string | undefined;
  prompt_version?: string | undefined;
}): GenerateV1.AnswerRequest {
  return {
    query: question.query,
    k: question.k ?? 0,
    filters: exactMatches(question.filter),
    tier: question.tier ?? '',
    promptVersion: question.prompt_version ?? '',
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

/** Upstream Answer messages as public events, in order, skipping empty messages. */
export async function* answerEvents(
  messages: AsyncIterable<GenerateV1.AnswerResponse__Output>,
): AsyncGenerator<AnswerEvent> {
  for await (const message of messages) {
    const event = answerEventJson(message);
    if (event) yield event;
  }
}

/** A whole answer for clients that did not ask for a stream; an error event becomes a thrown error. */
export async function collectAnswer(events: AsyncIterable<AnswerEvent>): Promise<AnswerJson> {
  const tokens: string[] = [];
  let citations: Citations = [];
  let usage: Usage | null = null;
  for await (const event of events) {
    switch (event.type) {
      case 'citations':
        citations = event.citations;
        break;
      case 'token':
        tokens.push(event.text);
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
        };
      case 'status':
        break;
    }
  }
  throw truncatedStreamError();
}
