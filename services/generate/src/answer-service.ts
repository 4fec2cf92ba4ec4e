import type { AnswerPipeline } from './domain/answer-pipeline.ts';
import { coalesceTokens } from './domain/coalesce-tokens.ts';
import type { CompletionPublisher } from './adapters/completion-publisher.ts';
import type { AnswerMetrics } from './answer-metrics.ts';
import type { AnswerService } from './grpc/answer-handlers.ts';

/**
 * The pipeline wrapped with what watches it (metrics, then the completion event), with tokens
 * that are ready together sent as one message.
 */
export function composeAnswerService(
  pipeline: AnswerPipeline,
  metrics: AnswerMetrics,
  publisher: CompletionPublisher,
): AnswerService {
  return (request, context) =>
    coalesceTokens(
      // keyId: the API key the gateway admitted the caller with (undefined for JWT or anonymous).
      metrics.observe(
        publisher.observe(pipeline.answer(request, context.signal), {
          tenant: context.tenant,
          user: context.user,
          keyId: context.keyId,
        }),
      ),
    );
}
