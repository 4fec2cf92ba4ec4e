import { RagfleetError, toRagfleetError } from '@ragfleet/errors';
import { withSpan } from '@ragfleet/telemetry';
import { collectCompletion, type Completion } from './collect-completion.ts';
import type { ChatProvider, ChatRequest, ModelChoice } from './ports.ts';
import type { ProviderGuard } from './provider-guard.ts';

/** Rough token count for providers that report no usage (about four characters a token). */
export const approximateTokens = (text: string) => Math.ceil(text.length / 4);

export interface ChainCompletion {
  /** The routed models, best first; those whose provider this process lacks are skipped. */
  chain: readonly ModelChoice[];
  providers: ReadonlyMap<string, ChatProvider>;
  guard: ProviderGuard;
  request: (model: string) => ChatRequest;
  signal: AbortSignal;
  /** The span around each model's attempt (rag.summarize, rag.suggest). */
  span: string;
  /** What the use case does, for the error when no model could: "summarize", "suggest". */
  what: string;
}

/**
 * The unary use cases' fallback (Summarize, Suggest): each model of the chain in turn writes a
 * whole completion, and `accept` turns it into the result or throws to hand over to the next
 * model (an empty text is no answer). Nothing was shown to anyone yet, so a failure at any point
 * falls back. A cancelled caller stops at once; when every model failed, PROVIDER_UNAVAILABLE
 * with each one's reason kept internal.
 */
export async function completeOnChain<T>(
  { chain, providers, guard, request, signal, span, what }: ChainCompletion,
  accept: (written: Completion, choice: ModelChoice) => T,
): Promise<T> {
  const failures: string[] = [];
  for (const choice of chain) {
    const provider = providers.get(choice.provider);
    if (!provider) continue;
    try {
      const written = await withSpan(
        span,
        () => collectCompletion(guard, provider, request(choice.model), signal),
        { 'rag.provider': choice.provider, 'rag.model': choice.model },
      );
      return accept(written, choice);
    } catch (error) {
      if (signal.aborted)
        throw new RagfleetError('CANCELLED', 'cancelled by caller', { cause: signal.reason });
      const failure = toRagfleetError(error);
      failures.push(`${choice.provider}/${choice.model}: ${failure.internal ?? failure.message}`);
    }
  }
  throw new RagfleetError('PROVIDER_UNAVAILABLE', `no model provider could ${what}`, {
    internal: failures.join('; ') || 'no provider of the chain is configured in this process',
  });
}
