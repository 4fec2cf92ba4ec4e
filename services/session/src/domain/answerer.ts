import type { TurnEvent } from './records.ts';

/** One earlier message as the model sees it. */
export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** A turn's question with the conversation around it: what generate's Answer is asked. */
export interface ConversationQuestion {
  /** The user's message, as typed. */
  query: string;
  /** What retrieval searches for: the message made standalone from the history. */
  searchQuery: string;
  k: number;
  filters: Record<string, string>;
  promptVersion: string;
  /** The rolling summary of what left the window; empty until the first one. */
  summary: string;
  /** The most recent messages that fit the token budget, oldest first. */
  history: HistoryMessage[];
}

export interface SummaryRequest {
  previousSummary: string;
  messages: HistoryMessage[];
  maxWords: number;
}

export interface SummaryResult {
  summary: string;
  promptVersion: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** No model wrote it: the offline summary quotes the messages' key sentences. */
  extractive: boolean;
}

/**
 * What answers a turn and folds old messages into the summary (generate, over gRPC). `answer`
 * yields generate's events (status, citations, token, usage, done or error) in order; it throws
 * when generate cannot be reached or refuses the request.
 */
export interface Answerer {
  answer(question: ConversationQuestion, signal: AbortSignal): AsyncIterable<TurnEvent>;
  summarize(request: SummaryRequest, signal: AbortSignal): Promise<SummaryResult>;
}

/** Tokens of a text as the model would count them. */
export type TokenCounter = (text: string) => number;
