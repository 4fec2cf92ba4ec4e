import type { GenerateClient } from '@ragfleet/grpc';
import type { GenerateV1 } from '@ragfleet/protos';
import type { Answerer, ConversationQuestion, SummaryRequest, SummaryResult } from '../domain/answerer.ts';
import type { TurnEvent } from '../domain/records.ts';

type AnswerEventName = NonNullable<GenerateV1.AnswerResponse__Output['event']>;

/** One of generate's answer events as a turn event: the oneof's name becomes its type. */
export function toTurnEvent(response: GenerateV1.AnswerResponse__Output): TurnEvent {
  const type = response.event as AnswerEventName | undefined;
  const payload = type ? response[type] : undefined;
  if (!type || !payload) throw new Error('generate sent an answer response without an event');
  return { type, ...payload };
}

/** generate over gRPC, called on behalf of the turn's caller (their tenant, user and tier). */
export class GenerateAnswerer implements Answerer {
  readonly #client: GenerateClient;
  readonly #answerDeadlineMs: number;

  constructor(client: GenerateClient, answerDeadlineMs: number) {
    this.#client = client;
    this.#answerDeadlineMs = answerDeadlineMs;
  }

  async *answer(question: ConversationQuestion, signal: AbortSignal): AsyncIterable<TurnEvent> {
    const responses = this.#client.answer(
      {
        query: question.query,
        searchQuery: question.searchQuery === question.query ? '' : question.searchQuery,
        k: question.k,
        filters: question.filters,
        promptVersion: question.promptVersion,
        summary: question.summary,
        history: question.history,
      },
      { signal, deadlineMs: this.#answerDeadlineMs },
    );
    for await (const response of responses) yield toTurnEvent(response);
  }

  async summarize(request: SummaryRequest, signal: AbortSignal): Promise<SummaryResult> {
    const response = await this.#client.summarize(
      { previousSummary: request.previousSummary, messages: request.messages, maxWords: request.maxWords },
      { signal },
    );
    return {
      summary: response.summary,
      promptVersion: response.promptVersion,
      provider: response.provider,
      model: response.model,
      inputTokens: response.inputTokens,
      outputTokens: response.outputTokens,
      extractive: response.extractive,
    };
  }
}
