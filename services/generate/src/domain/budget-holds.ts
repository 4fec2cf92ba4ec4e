import { randomUUID } from 'node:crypto';
import { RagfleetError, toRagfleetError } from '@ragfleet/errors';
import type { Budgets, ModelChoice } from './ports.ts';

/** An attempt's reservation: what Settle names, and the prompt's tokens for a usage-less provider. */
export interface Held {
  generationId: string;
  promptTokens: number;
}

/**
 * An attempt's hold on the caller's budgets: held, refused (BUDGET_EXCEEDED), unreserved (a
 * router older than budgets: the attempt goes on without, and asks again next time, so budgets
 * hold as soon as the new router is there) or failed (the budgets cannot be reached: without a
 * reservation nothing would stop the attempt overspending, so the caller does not make it).
 */
export type Reserved =
  | { kind: 'held'; held: Held }
  | { kind: 'unreserved' }
  | { kind: 'refused'; refusal: RagfleetError }
  | { kind: 'failed'; failure: RagfleetError };

export interface BudgetHoldsLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

const describe = (error: unknown) => {
  const failure = toRagfleetError(error);
  return failure.internal ?? failure.message;
};

/**
 * Reserve before a model is opened, settle when its text ends: the one way every use case that
 * calls a model (an answer, a panel's specialist, a summary, a suggestion) charges the caller's
 * budgets, so that none of them spends outside a budget.
 */
export class BudgetHolds {
  readonly #budgets: Budgets;
  readonly #logger: BudgetHoldsLogger | undefined;
  readonly #newGenerationId: () => string;
  /** Said once: a router older than budgets answers every Reserve UNIMPLEMENTED. */
  #unsupportedLogged = false;

  constructor(budgets: Budgets, logger?: BudgetHoldsLogger, newGenerationId: () => string = randomUUID) {
    this.#budgets = budgets;
    this.#logger = logger;
    this.#newGenerationId = newGenerationId;
  }

  /** Holds an attempt's worst case (prompt plus the most output it may write) at its model's prices. */
  async reserve(
    choice: ModelChoice,
    promptTokens: number,
    maxOutputTokens: number,
    signal: AbortSignal,
  ): Promise<Reserved> {
    const generationId = this.#newGenerationId();
    try {
      await this.#budgets.reserve(
        { generationId, provider: choice.provider, model: choice.model, promptTokens, maxOutputTokens },
        signal,
      );
      return { kind: 'held', held: { generationId, promptTokens } };
    } catch (error) {
      if (signal.aborted)
        throw new RagfleetError('CANCELLED', 'cancelled by caller', { cause: signal.reason });
      const failure = toRagfleetError(error);
      if (failure.code === 'BUDGET_EXCEEDED') return { kind: 'refused', refusal: failure };
      if (failure.code !== 'METHOD_NOT_ALLOWED') return { kind: 'failed', failure };
      if (!this.#unsupportedLogged) {
        this.#unsupportedLogged = true;
        this.#logger?.warn(
          { err: failure.message },
          'the router does not serve Reserve; calling models without budgets until it does',
        );
      }
      return { kind: 'unreserved' };
    }
  }

  /**
   * Replaces an attempt's reservation with what it used; resolves with the settled cost. A failed
   * settle leaves the reservation to expire (the ledger still gets the cost): the attempt's text
   * stands, so it resolves with undefined rather than failing it.
   */
  async settle(
    held: Held,
    choice: ModelChoice,
    usage: { inputTokens: number; outputTokens: number },
  ): Promise<number | undefined> {
    try {
      return await this.#budgets.settle({
        generationId: held.generationId,
        provider: choice.provider,
        model: choice.model,
        ...usage,
      });
    } catch (error) {
      this.#logger?.warn({ err: describe(error), generationId: held.generationId }, 'could not settle');
      return undefined;
    }
  }
}
