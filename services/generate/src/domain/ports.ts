/** The small interfaces the answer pipeline depends on; adapters implement them. */

export interface ModelChoice {
  provider: string;
  model: string;
  /** The catalog's prices in USD per million tokens; 0 or absent: free (a local model). */
  inputPricePerMtok?: number;
  outputPricePerMtok?: number;
}

/** One feature of the router's complexity analysis and what it added to the score. */
export interface ComplexityFeature {
  name: string;
  value: number;
  contribution: number;
}

/** A model of the catalog the router left out, and why (tier, quality, budget, breaker_open, ...). */
export interface SkippedModel {
  provider: string;
  model: string;
  reason: string;
}

/** Why the router chose the chain it did; it reaches the client in the `done` event. */
export interface RoutingDecision {
  complexityClass: string;
  score: number;
  features: ComplexityFeature[];
  skipped: SkippedModel[];
  prefer: string;
  budgetFallback: boolean;
}

export interface RouteDecision {
  chain: ModelChoice[];
  reason: string;
  /** Absent from a router that explains nothing (an older router, a test's). */
  decision?: RoutingDecision;
}

/** What the caller adds to the question for the router to weigh. */
export interface RouteHints {
  /** "cost", "quality" or "latency" within what the tier allows; empty: the router's default. */
  prefer?: string;
  /** Messages of the conversation so far; 0 or absent outside a conversation. */
  conversationDepth?: number;
}

export interface ModelRouter {
  /** Throws INVALID_ARGUMENT for an unknown tier. */
  route(query: string, tier: string, signal: AbortSignal, hints?: RouteHints): Promise<RouteDecision>;
}

export interface Passage {
  documentId: string;
  chunkId: string;
  title: string;
  text: string;
  score: number;
  start: number;
  end: number;
}

/**
 * How a search ranks, over retrieve's defaults (a retrieval candidate of a rollout or experiment);
 * an absent field keeps the default.
 */
export interface RetrievalSettings {
  mode?: 'vector' | 'keyword' | 'hybrid';
  fusion?: 'rrf' | 'minmax';
  rerank?: 'none' | 'mmr';
  /** Passages for the prompt, over the request's k. */
  k?: number;
}

export interface Retriever {
  search(
    query: string,
    k: number,
    filters: Record<string, string>,
    signal: AbortSignal,
    settings?: RetrievalSettings,
  ): Promise<Passage[]>;
}

/** A retrieved passage as the prompt and the answer cite it: `index` is the [n] marker. */
export interface NumberedPassage extends Passage {
  index: number;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** What an answer is made of, for providers (the extractive one) that answer without a prompt. */
export interface AnswerContext {
  task?: 'answer';
  /** The user's question as asked. */
  query: string;
  passages: NumberedPassage[];
  /** The standalone question retrieval searched for, when it differs from the query. */
  searchQuery?: string;
  /** The conversation before the question, oldest first, and the summary of what came before it. */
  history?: readonly ChatMessage[];
  summary?: string;
}

/** What a summary is made of, for providers that summarize without a prompt. */
export interface SummaryContext {
  task: 'summary';
  previousSummary: string;
  messages: readonly ChatMessage[];
  maxWords: number;
}

/** What a suggestion request is made of, for providers (the extractive one) that suggest without a prompt. */
export interface SuggestContext {
  task: 'suggest';
  subject: string;
  actions: readonly { name: string; description: string; category: string }[];
  passages: readonly NumberedPassage[];
  maxSuggestions: number;
}

export interface ChatRequest {
  model: string;
  system: string;
  messages: ChatMessage[];
  /** The most tokens the answer may have (the budget reserved for it); absent: the provider's own. */
  maxOutputTokens?: number;
  /** The raw material of the task the prompt asks for. */
  context: AnswerContext | SummaryContext | SuggestContext;
}

export interface ChatUsage {
  inputTokens?: number;
  outputTokens?: number;
}

export interface ChatChunk {
  token?: string;
  usage?: ChatUsage;
  finishReason?: string;
}

/**
 * A model provider. `stream` must throw (not end quietly) when the upstream fails or the
 * signal aborts, so that a cut-off answer never passes for a finished one.
 */
export interface ChatProvider {
  readonly name: string;
  stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<ChatChunk>;
}

export interface RenderedPrompt {
  version: string;
  system: string;
  user: string;
}

/** What a template can name: {{question}}, {{context}} (v1, v2) and {{passages}} (v3 on). */
export interface PromptValues {
  question: string;
  /** The numbered source list, passage text as retrieved. */
  context: string;
  /** Every passage fenced as sealed, quoted data, flagged ones with a warning. */
  passages: string;
}

/** What the session-summary templates name. */
export interface SummaryPromptValues {
  /** The summary the messages continue, sealed as quoted data; a note when there is none. */
  previous_summary: string;
  /** The messages to fold, each sealed as quoted data with its role. */
  messages: string;
  max_words: string;
}

/** What the recommend-suggest templates name. */
export interface SuggestPromptValues {
  /** The subject's metrics, sealed as quoted data (they come from the tenant's systems). */
  subject: string;
  /** The allowed actions, one line each: name (category): description. */
  actions: string;
  /** The retrieved passages, each sealed as quoted data with its index and title. */
  passages: string;
  max_suggestions: string;
}

/** The versions of one prompt family; `Values` is what its templates may name. */
export interface PromptTemplates<Values = PromptValues> {
  /** The version used when a request names none. */
  readonly defaultVersion: string;
  /** The concrete version a request gets (empty means the default); throws INVALID_ARGUMENT if unknown. */
  resolve(version: string | undefined): string;
  /** Throws INVALID_ARGUMENT for an unknown version. */
  render(version: string | undefined, values: Values): RenderedPrompt;
}

/** One generation attempt's hold on the caller's budgets, before its model is opened. */
export interface BudgetReservation {
  /** One per attempt: Settle names the same one. */
  generationId: string;
  provider: string;
  model: string;
  promptTokens: number;
  maxOutputTokens: number;
}

/** What an attempt used, to replace its reservation with. */
export interface BudgetSettlement {
  generationId: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
}

/**
 * The caller's budgets (the router holds them; the caller is the request's identity). `reserve`
 * throws BUDGET_EXCEEDED (details: scope, period, limit_usd, spent_usd, reserved_usd, reset_at)
 * when a budget has no room for the attempt.
 */
export interface Budgets {
  reserve(reservation: BudgetReservation, signal: AbortSignal): Promise<void>;
  /** Resolves with the settled cost in USD. */
  settle(settlement: BudgetSettlement): Promise<number>;
}
