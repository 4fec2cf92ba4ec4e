import type { NumberedPassage } from './ports.ts';

/** An action the model may suggest, as the caller's pack describes it. */
export interface SuggestAction {
  name: string;
  description: string;
  category: string;
}

export interface SuggestRequest {
  /** The subject as the model reads it: its metrics in plain lines. */
  subject: string;
  /** The only actions a suggestion may name. */
  actions: readonly SuggestAction[];
  /** What retrieval searches for to ground the suggestions. */
  searchQuery: string;
  /** 0 selects the default. */
  k: number;
  filters: Record<string, string>;
  tier: string;
  /** Empty selects the template's default version. */
  promptVersion: string;
  /** 0 selects the default. */
  maxSuggestions: number;
}

export interface SuggestResult {
  /** As the model wrote it: meant to be a JSON array, validated by the caller. */
  text: string;
  /** The retrieved passages the prompt numbered, one per document. */
  citations: NumberedPassage[];
  promptVersion: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** At the model's catalog prices: what the caller's budget was charged and the ledger records. */
  costUsd: number;
  /** No model wrote it: the offline suggester matched the actions in the passages. */
  extractive: boolean;
}
