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

/** Whose budgets a decision reads: the caller's tenant, and its user and API key when known. */
export interface BudgetCaller {
  tenant: string;
  user?: string;
  key?: string;
}

/** What the policy knows of a request when it asks whether a model fits the budget. */
export interface BudgetQuestion {
  tier: string;
  complexityClass: ComplexityClass;
  /** Tokens the prompt will carry as the caller said (0: unknown), else the question's own. */
  promptTokens: number;
}

/** Whether one model's estimated cost for the question fits what the caller may still spend. */
export type FitsBudget = (model: CatalogModel, question: BudgetQuestion) => boolean;

/**
 * The caller's remaining budget, read once per decision (one round trip, not one per model);
 * the check it returns then answers for every candidate. Without a caller (a direct call with
 * no identity) or without budgets, everything fits.
 */
export interface BudgetFit {
  forCaller(caller: BudgetCaller | undefined): Promise<FitsBudget>;
}
