/** The small interfaces the answer pipeline depends on; adapters implement them. */

export interface ModelChoice {
  provider: string;
  model: string;
}

export interface RouteDecision {
  chain: ModelChoice[];
  reason: string;
}

export interface ModelRouter {
  /** Throws INVALID_ARGUMENT for an unknown tier. */
  route(query: string, tier: string, signal: AbortSignal): Promise<RouteDecision>;
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

export interface Retriever {
  search(query: string, k: number, filters: Record<string, string>, signal: AbortSignal): Promise<Passage[]>;
}

/** A retrieved passage as the prompt and the answer cite it: `index` is the [n] marker. */
export interface NumberedPassage extends Passage {
  index: number;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  model: string;
  system: string;
  messages: ChatMessage[];
  /** The raw material, for providers (the extractive one) that answer without a prompt. */
  context: { query: string; passages: NumberedPassage[] };
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

export interface PromptTemplates {
  /** The version used when a request names none. */
  readonly defaultVersion: string;
  /** The concrete version a request gets (empty means the default); throws INVALID_ARGUMENT if unknown. */
  resolve(version: string | undefined): string;
  /** Throws INVALID_ARGUMENT for an unknown version. */
  render(version: string | undefined, values: PromptValues): RenderedPrompt;
}
