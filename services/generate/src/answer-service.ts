import type { AnswerPipeline } from './domain/answer-pipeline.ts';
import { coalesceTokens } from './domain/coalesce-tokens.ts';
import type { CompletionPublisher } from './adapters/completion-publisher.ts';
import type { AnswerMetrics } from './answer-metrics.ts';
import type { AnswerService } from './grpc/answer-handlers.ts';
import type { Caller } from './experiments/domain/assignment.ts';
import type { AnswerEvent, AnswerRequest } from './domain/answer-events.ts';

/** The experiments' variant hook: chooses the request's variant and records its outcome. */
export type VariantHook = (
  request: AnswerRequest,
  caller: Caller,
  signal: AbortSignal,
) => AsyncIterable<AnswerEvent>;

/**
 * The pipeline wrapped with what watches it (metrics, then the completion event), with tokens
 * that are ready together sent as one message.
 */
export function composeAnswerService(
  pipeline: AnswerPipeline,
  metrics: AnswerMetrics,
  publisher: CompletionPublisher,
  variants?: VariantHook,
): AnswerService {
  return (request, context) =>
    coalesceTokens(
      // keyId: the API key the gateway admitted the caller with (undefined for JWT or anonymous).
      metrics.observe(
        publisher.observe(
          variants
            ? variants(
                request,
                { tenant: context.tenant, user: context.user, requestId: context.requestId },
                context.signal,
              )
            : pipeline.answer(request, context.signal),
          {
            tenant: context.tenant,
            user: context.user,
            keyId: context.keyId,
          },
        ),
      ),
    );
}
