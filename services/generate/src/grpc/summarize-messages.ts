import type { CallContext } from '@ragfleet/grpc';
import type { GenerateV1 } from '@ragfleet/protos';
import { entitledTier } from '../domain/entitled-tier.ts';
import type { SummarizeRequest, SummarizeResult } from '../domain/summarizer.ts';

/** The summarize use case as the handlers call it. */
export type SummarizeService = (request: SummarizeRequest, context: CallContext) => Promise<SummarizeResult>;

/** The wire request as the summarizer takes it; roles stay strings until the summarizer checks them. */
export function toSummarizeRequest(
  request: GenerateV1.SummarizeRequest__Output,
  context: CallContext,
): SummarizeRequest {
  return {
    previousSummary: request.previousSummary,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    tier: entitledTier(request.tier, context.tier),
    promptVersion: request.promptVersion,
    maxWords: request.maxWords,
  };
}

export function toSummarizeResponse(result: SummarizeResult): GenerateV1.SummarizeResponse {
  return {
    summary: result.summary,
    promptVersion: result.promptVersion,
    provider: result.provider,
    model: result.model,
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    extractive: result.extractive,
    costUsd: result.costUsd,
  };
}
