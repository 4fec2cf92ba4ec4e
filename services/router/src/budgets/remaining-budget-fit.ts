import { estimateCost, type BudgetStore, type BudgetScope } from '@ragfleet/budgets';
import type { Logger } from '@ragfleet/telemetry';
import type { CatalogModel } from '../domain/catalog.ts';
import type { BudgetCaller, BudgetFit, BudgetQuestion, FitsBudget } from '../domain/ports.ts';

export interface RemainingBudgetFitOptions {
  store: BudgetStore;
  /** Output tokens assumed for the answer: the request's longest answer by default (1024). */
  outputTokens: number;
  logger: Pick<Logger, 'warn'>;
}

const fitsAll: FitsBudget = () => true;

/**
 * The policy's budget check: the caller's tenant, key and user budgets are read once per
 * decision, and a model fits when its estimated cost for the question (prompt tokens plus the
 * assumed output at its catalog prices) is within the smallest remaining of them. A failed read
 * fits everything: Reserve is the authoritative check, routing must not fail with the store.
 */
export class RemainingBudgetFit implements BudgetFit {
  readonly #options: RemainingBudgetFitOptions;

  constructor(options: RemainingBudgetFitOptions) {
    this.#options = options;
  }

  async forCaller(caller: BudgetCaller | undefined): Promise<FitsBudget> {
    if (!caller?.tenant) return fitsAll;
    const scopes: BudgetScope[] = [{ tenant: caller.tenant, kind: 'tenant' }];
    if (caller.key) scopes.push({ tenant: caller.tenant, kind: 'key', id: caller.key });
    if (caller.user) scopes.push({ tenant: caller.tenant, kind: 'user', id: caller.user });
    let remaining: number | undefined;
    try {
      const statuses = (
        await Promise.all(scopes.map((scope) => this.#options.store.remaining(scope)))
      ).flat();
      for (const status of statuses) {
        if (status.remainingUsd === null) continue;
        remaining = Math.min(remaining ?? Infinity, status.remainingUsd);
      }
    } catch (error) {
      this.#options.logger.warn(
        { tenant: caller.tenant, why: (error as Error).message },
        'remaining budget not read; every model fits this decision',
      );
      return fitsAll;
    }
    if (remaining === undefined) return fitsAll;
    const left = remaining;
    return (model, question) => this.#cost(model, question) <= left;
  }

  #cost(model: CatalogModel, question: BudgetQuestion): number {
    try {
      return estimateCost(
        { inputTokens: question.promptTokens, maxOutputTokens: this.#options.outputTokens },
        model,
      );
    } catch {
      return Infinity; // a token count beyond any budget's reach
    }
  }
}
