import { RagfleetError, toRagfleetError } from '@ragfleet/errors';
import { withSpan } from '@ragfleet/telemetry';
import { answerCostUsd } from './answer-cost.ts';
import type { BudgetHolds, Held } from './budget-holds.ts';
import { collectCompletion, type Completion } from './collect-completion.ts';
import type { ChatProvider, ChatRequest, ModelChoice } from './ports.ts';
import type { ProviderGuard } from './provider-guard.ts';
import { countTokens, promptTokens } from './token-count.ts';

/** What an accepted completion used and cost: what its budget was settled at, and its ledger entry. */
export interface CompletionUsage {
  /** The provider's usage, or the tokens counted with the tokenizer when it reports none. */
  inputTokens: number;
  outputTokens: number;
  /** At the model's catalog prices, rounded to the micro-dollar as the router settles it. */
  costUsd: number;
}

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
  /** Absent: nothing is reserved. */
  budgets?: ChainBudgets | undefined;
}

/** The caller's budgets, held per attempt as an answer's are, for the most output a call may write. */
export interface ChainBudgets {
  holds: BudgetHolds;
  maxOutputTokens: number;
}

/**
 * The unary use cases' fallback (Summarize, Suggest): each model of the chain in turn writes a
 * whole completion, and `accept` turns it (with what it used and cost) into the result or throws
 * to hand over to the next model (an empty text is no answer). Nothing was shown to anyone yet, so a failure at any point
 * falls back. With budgets, each attempt first reserves its worst case: a refused model hands
 * over to the next, and the hold is settled at what the attempt used (nothing, when it failed).
 * A cancelled caller stops at once; when every model was refused, BUDGET_EXCEEDED; when every
 * model failed, PROVIDER_UNAVAILABLE with each one's reason kept internal.
 */
export async function completeOnChain<T>(
  { chain, providers, guard, request, signal, span, what, budgets }: ChainCompletion,
  accept: (written: Completion, choice: ModelChoice, used: CompletionUsage) => T,
): Promise<T> {
  const failures: string[] = [];
  let refusal: RagfleetError | undefined;
  let tried = false;
  for (const choice of chain) {
    const provider = providers.get(choice.provider);
    if (!provider) continue;
    const chatRequest = request(choice.model);
    // Counted only when needed: a reserve, or a provider that reports no usage.
    const prompt = () => promptTokens(chatRequest);
    let held: Held | undefined;
    if (budgets) {
      const reserved = await budgets.holds.reserve(choice, prompt(), budgets.maxOutputTokens, signal);
      // Without a reservation nothing would stop this call overspending: it is not made.
      if (reserved.kind === 'failed') throw reserved.failure;
      if (reserved.kind === 'refused') {
        refusal = reserved.refusal;
        failures.push(`${choice.provider}/${choice.model}: ${refusal.message}`);
        continue;
      }
      if (reserved.kind === 'held') held = reserved.held;
    }
    tried = true;
    let written: Completion | undefined;
    try {
      written = await withSpan(span, () => collectCompletion(guard, provider, chatRequest, signal), {
        'rag.provider': choice.provider,
        'rag.model': choice.model,
      });
      const used = usedBy(written, prompt);
      const result = accept(written, choice, { ...used, costUsd: answerCostUsd(choice, used) });
      if (held) await budgets?.holds.settle(held, choice, used);
      return result;
    } catch (error) {
      // A completion written but not accepted was paid for all the same; a failed one, nothing.
      if (held) await budgets?.holds.settle(held, choice, written ? usedBy(written, prompt) : NOTHING_USED);
      if (signal.aborted)
        throw new RagfleetError('CANCELLED', 'cancelled by caller', { cause: signal.reason });
      const failure = toRagfleetError(error);
      failures.push(`${choice.provider}/${choice.model}: ${failure.internal ?? failure.message}`);
    }
  }
  if (refusal && !tried) throw refusal;
  throw new RagfleetError('PROVIDER_UNAVAILABLE', `no model provider could ${what}`, {
    internal: failures.join('; ') || 'no provider of the chain is configured in this process',
  });
}

const NOTHING_USED = { inputTokens: 0, outputTokens: 0 };

/** The provider's usage, or the tokens counted when it reports none. */
function usedBy(
  written: Completion,
  promptTokens: () => number,
): { inputTokens: number; outputTokens: number } {
  return {
    inputTokens: written.inputTokens ?? promptTokens(),
    outputTokens: written.outputTokens ?? countTokens(written.text),
  };
}
