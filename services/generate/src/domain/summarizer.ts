import { completeOnChain, type ChainBudgets } from './complete-on-chain.ts';
import {
  DEFAULT_CONVERSATION_LIMITS,
  asChatMessages,
  conversationProblems,
  throwIfProblems,
  type ConversationLimits,
  type RawMessage,
} from './conversation-input.ts';
import type {
  ChatMessage,
  ChatProvider,
  ChatRequest,
  ModelRouter,
  PromptTemplates,
  SummaryPromptValues,
} from './ports.ts';
import type { ProviderGuard } from './provider-guard.ts';
import { summaryPromptValues } from './summary-prompt-values.ts';
import { trimToWords } from './word-budget.ts';

export interface SummarizeRequest {
  /** The summary the messages continue; empty for a conversation's first one. */
  previousSummary: string;
  /** Oldest first; roles are checked here. */
  messages: readonly RawMessage[];
  tier: string;
  /** Empty selects the template's default version. */
  promptVersion: string;
  /** 0 selects the default. */
  maxWords: number;
}

export interface SummarizeResult {
  summary: string;
  promptVersion: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** At the model's catalog prices: what the caller's budget was charged and the ledger records. */
  costUsd: number;
  /** No model wrote it: the offline provider quoted the messages' key sentences. */
  extractive: boolean;
}

export interface SummarizerOptions {
  router: ModelRouter;
  prompts: PromptTemplates<SummaryPromptValues>;
  providers: ChatProvider[];
  /** The answer pipeline's guard: one breaker per provider, whichever use case calls it. */
  guard: ProviderGuard;
  conversationLimits?: ConversationLimits;
  defaultMaxWords?: number;
  /** The largest budget a request may ask for. */
  maxMaxWords?: number;
  /** The caller's budgets (a model-written summary is paid for); absent: nothing is reserved. */
  budgets?: ChainBudgets;
}

/** The provider that quotes instead of writing (adapters/extractive). */
const EXTRACTIVE_PROVIDER = 'extractive';

/**
 * Folds a conversation's older messages, and the summary they continue, into one summary with the
 * versioned summarization template: routed like an answer (on the messages' text and the tier),
 * each model behind the provider guard, the next model of the chain when one fails at any point
 * (a summary is returned whole, so nothing was shown yet). A model's output is cut to the word
 * budget. Each attempt is held against the caller's budgets as an answer's is. All fail:
 * PROVIDER_UNAVAILABLE; all refused by a budget: BUDGET_EXCEEDED.
 */
export class Summarizer {
  readonly #options: Required<Omit<SummarizerOptions, 'budgets'>>;
  readonly #budgets: ChainBudgets | undefined;
  readonly #providers: Map<string, ChatProvider>;

  constructor(options: SummarizerOptions) {
    this.#options = {
      conversationLimits: DEFAULT_CONVERSATION_LIMITS,
      defaultMaxWords: 200,
      maxMaxWords: 2_000,
      ...options,
    };
    this.#budgets = options.budgets;
    this.#providers = new Map(options.providers.map((provider) => [provider.name, provider]));
  }

  async summarize(request: SummarizeRequest, signal: AbortSignal): Promise<SummarizeResult> {
    const { messages, previousSummary, maxWords } = this.#validate(request);
    const promptVersion = this.#options.prompts.resolve(request.promptVersion);
    const text = messages.map((message) => message.content).join('\n');
    const route = await this.#options.router.route(text, request.tier, signal);
    const prompt = this.#options.prompts.render(
      promptVersion,
      summaryPromptValues(previousSummary, messages, maxWords),
    );
    const chatRequest = (model: string): ChatRequest => ({
      model,
      system: prompt.system,
      messages: [{ role: 'user', content: prompt.user }],
      context: { task: 'summary', previousSummary, messages, maxWords },
    });

    const chain = { chain: route.chain, providers: this.#providers, guard: this.#options.guard, signal };
    return completeOnChain(
      { ...chain, request: chatRequest, span: 'rag.summarize', what: 'summarize', budgets: this.#budgets },
      (written, choice, used) => {
        const summary = trimToWords(written.text.trim(), maxWords);
        if (summary === '') throw new Error('the model wrote an empty summary');
        return {
          summary,
          promptVersion,
          provider: choice.provider,
          model: choice.model,
          ...used,
          extractive: choice.provider === EXTRACTIVE_PROVIDER,
        };
      },
    );
  }

  #validate(request: SummarizeRequest): {
    messages: ChatMessage[];
    previousSummary: string;
    maxWords: number;
  } {
    const previousSummary = request.previousSummary.trim();
    const problems = conversationProblems(
      request.messages,
      previousSummary,
      this.#options.conversationLimits,
      {
        messages: 'messages',
        summary: 'previous_summary',
      },
    );
    if (request.messages.length === 0) problems.unshift({ field: 'messages', message: 'must not be empty' });
    const { maxMaxWords, defaultMaxWords } = this.#options;
    if (!Number.isInteger(request.maxWords) || request.maxWords < 0 || request.maxWords > maxMaxWords) {
      problems.push({
        field: 'max_words',
        message: `must be between 1 and ${maxMaxWords} (0: ${defaultMaxWords})`,
      });
    }
    throwIfProblems(problems);
    return {
      messages: asChatMessages(request.messages),
      previousSummary,
      maxWords: request.maxWords === 0 ? defaultMaxWords : request.maxWords,
    };
  }
}
