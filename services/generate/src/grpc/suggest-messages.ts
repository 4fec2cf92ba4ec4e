import type { CallContext } from '@ragfleet/grpc';
import type { GenerateV1 } from '@ragfleet/protos';
import { entitledTier } from '../domain/entitled-tier.ts';
import type { SuggestRequest, SuggestResult } from '../domain/suggestion-request.ts';
import { toCitation } from './citation-message.ts';

/** The suggest use case as the handlers call it. */
export type SuggestService = (request: SuggestRequest, context: CallContext) => Promise<SuggestResult>;

export function toSuggestRequest(
  request: GenerateV1.SuggestRequest__Output,
  context: CallContext,
): SuggestRequest {
  return {
    subject: request.subject,
    actions: request.actions.map(({ name, description, category }) => ({ name, description, category })),
    searchQuery: request.searchQuery,
    k: request.k,
    filters: request.filters,
    tier: entitledTier(request.tier, context.tier),
    promptVersion: request.promptVersion,
    maxSuggestions: request.maxSuggestions,
  };
}

export function toSuggestResponse(result: SuggestResult): GenerateV1.SuggestResponse {
  return {
    text: result.text,
    citations: result.citations.map(toCitation),
    promptVersion: result.promptVersion,
    provider: result.provider,
    model: result.model,
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    extractive: result.extractive,
    costUsd: result.costUsd,
  };
}
