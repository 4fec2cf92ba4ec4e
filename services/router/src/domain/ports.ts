import type { CatalogModel, ProviderName } from './catalog.ts';
import type { ComplexityClass } from './routing-config.ts';

/** Tokens in a text by a real BPE tokenizer (the analyzer's length feature). */
export type TokenCounter = (text: string) => number;

/**
 * Whether a provider's circuit breaker is open, read before a request is tried. generate owns
 * the breakers (it sees the failures); until their state reaches the router the default reports
 * every breaker closed.
 */
export interface ProviderHealth {
  isOpen(provider: ProviderName): boolean;
}

/** What the policy knows of a request when it asks whether a model fits the budget. */
export interface BudgetQuestion {
  tier: string;
  complexityClass: ComplexityClass;
  /** Tokens the prompt will carry as the caller said (0: unknown), else the question's own. */
  promptTokens: number;
}

/**
 * Whether answering with a model fits the caller's remaining budget. Budgets live in
 * @ragfleet/budgets and are not wired in yet: the default fits everything.
 */
export interface BudgetFit {
  fits(model: CatalogModel, question: BudgetQuestion): Promise<boolean>;
}
