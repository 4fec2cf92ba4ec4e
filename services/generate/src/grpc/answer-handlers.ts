import { RagfleetError } from '@ragfleet/errors';
import type { CallContext, Handlers } from '@ragfleet/grpc';
import type { GenerateV1 } from '@ragfleet/protos';
import type { AnswerEvent, AnswerRequest } from '../domain/answer-events.ts';
import { entitledTier } from '../domain/entitled-tier.ts';
import { toCitation } from './citation-message.ts';
import type { PanelService } from '../panels/panel-service.ts';
import { toSuggestRequest, toSuggestResponse, type SuggestService } from './suggest-messages.ts';
import { toSummarizeRequest, toSummarizeResponse, type SummarizeService } from './summarize-messages.ts';

/** The composed answer use case: the pipeline with its metrics and event publishing. */
export type AnswerService = (request: AnswerRequest, context: CallContext) => AsyncIterable<AnswerEvent>;

export function toAnswerResponse(event: AnswerEvent): GenerateV1.AnswerResponse {
  switch (event.type) {
    case 'status':
      return {
        status: {
          stage: event.stage,
          message: event.message,
          provider: event.provider ?? '',
          model: event.model ?? '',
        },
      };
    case 'citations':
      return {
        citations: {
          citations: event.citations.map(toCitation),
        },
      };
    case 'token':
      return { token: { text: event.text } };
    case 'usage':
      return {
        usage: {
          inputTokens: event.inputTokens,
          outputTokens: event.outputTokens,
          provider: event.provider,
          model: event.model,
        },
      };
    case 'done':
      return {
        done: {
          provider: event.provider,
          model: event.model,
          finishReason: event.finishReason,
          promptVersion: event.promptVersion,
          timeToFirstTokenMs: event.timeToFirstTokenMs,
          cached: event.cached,
          costUsd: event.costUsd,
          decision: event.decision ?? null,
          answerId: event.answerId ?? '',
          experimentId: event.experimentId ?? '',
          variant: event.variant ?? '',
        },
      };
    case 'error':
      return { error: { code: event.code, message: event.message, retryable: event.retryable } };
  }
}

export function generateHandlers(
  answer: AnswerService,
  summarize: SummarizeService,
  suggest: SuggestService,
  /** Answers that ask for a panel; absent: such a request is refused (FAILED_PRECONDITION). */
  panel?: PanelService,
): Handlers {
  return {
    Answer: async function* (request: GenerateV1.AnswerRequest__Output, context: CallContext) {
      const domainRequest: AnswerRequest = {
        query: request.query,
        k: request.k,
        filters: request.filters,
        tier: entitledTier(request.tier, context.tier),
        promptVersion: request.promptVersion,
        // Roles stay as sent: the pipeline checks them and names a wrong one (history.3.role).
        history: request.history.map((message) => ({ role: message.role, content: message.content })),
        summary: request.summary,
        searchQuery: request.searchQuery,
        prefer: request.prefer,
        tenant: context.tenant,
      };
      if (request.panel.length > 0) {
        if (!panel)
          throw new RagfleetError('FAILED_PRECONDITION', 'this generate server does not run panels');
        yield* panel(domainRequest, request.panel, context);
        return;
      }
      for await (const event of answer(domainRequest, context)) yield toAnswerResponse(event);
    },
    Summarize: async (request: GenerateV1.SummarizeRequest__Output, context: CallContext) =>
      toSummarizeResponse(await summarize(toSummarizeRequest(request, context), context)),
    Suggest: async (request: GenerateV1.SuggestRequest__Output, context: CallContext) =>
      toSuggestResponse(await suggest(toSuggestRequest(request, context), context)),
  };
}
