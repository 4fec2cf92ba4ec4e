import { estimateCost, type BudgetPeriod, type BudgetStore } from '@ragfleet/budgets';
import { RagfleetError, invalidField } from '@ragfleet/errors';
import type { CallContext, Handlers } from '@ragfleet/grpc';
import type { RouterV1 } from '@ragfleet/protos';
import type { Catalog } from '../domain/catalog.ts';
import { budgetCaller } from './budget-caller.ts';
import { reserveRefused } from './budget-exceeded.ts';
import { budgetStatuses, scopeFromWire } from './budget-status.ts';
import { catalogPrices } from './catalog-prices.ts';
import type { ThresholdEvents } from './threshold-events.ts';

export interface BudgetHandlersOptions {
  store: BudgetStore;
  /** The current catalog: prices are read on every call, so a reload reprices at once. */
  catalog: () => Catalog;
  reservationTtlMs: number;
  thresholds: ThresholdEvents;
  /** Told of every tenant a call names, for the remaining-budget gauge. */
  sawTenant?: (tenant: string) => void;
}

function generationId(value: string): string {
  if (!value) throw invalidField('generation_id', 'must be a non-empty string');
  return value;
}

/**
 * A store that cannot answer (Redis away) is SERVICE_UNAVAILABLE, retryable, not an INTERNAL bug;
 * the store's own refusals (INVALID_ARGUMENT, NOT_FOUND) pass as they are.
 */
async function fromStore<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof RagfleetError) throw error;
    throw new RagfleetError('SERVICE_UNAVAILABLE', 'The budget store cannot be reached.', {
      cause: error,
      internal: String(error),
      retryable: true,
    });
  }
}

/**
 * RouterService's budget methods. Reserve and Settle charge the caller's own budgets (tenant,
 * user and key from its identity) at the catalog's prices; SetBudget, ListBudgets and
 * DeleteBudget name the tenant in the request: they are operator calls, authorized by the
 * gateway's admin routes. Every input is checked by @ragfleet/budgets (negative, NaN, over
 * 1e9 USD, unknown kind or period: INVALID_ARGUMENT with details.fields).
 */
export function budgetHandlers(options: BudgetHandlersOptions): Handlers {
  const { store, catalog, reservationTtlMs, thresholds } = options;
  const sawTenant = options.sawTenant ?? (() => undefined);
  return {
    Reserve: async (
      request: RouterV1.ReserveRequest__Output,
      context: CallContext,
    ): Promise<RouterV1.ReserveResponse> => {
      const id = generationId(request.generationId);
      const prices = catalogPrices(catalog(), request.provider, request.model);
      const amountUsd = estimateCost(
        { inputTokens: request.promptTokens, maxOutputTokens: request.maxOutputTokens },
        prices,
      );
      const caller = budgetCaller(context);
      const result = await fromStore(() =>
        store.reserve({ id, ...caller, amountUsd, ttlMs: reservationTtlMs }),
      );
      sawTenant(caller.tenant);
      if (result.status === 'exceeded') throw reserveRefused(result.exceeded);
      thresholds.crossed(result.crossed);
      return { reservedUsd: amountUsd, expiresAt: new Date(result.expiresAt).toISOString() };
    },
    Settle: async (
      request: RouterV1.SettleRequest__Output,
      context: CallContext,
    ): Promise<RouterV1.SettleResponse> => {
      const id = generationId(request.generationId);
      const prices = catalogPrices(catalog(), request.provider, request.model);
      const costUsd = estimateCost(
        { inputTokens: request.inputTokens, maxOutputTokens: request.outputTokens },
        prices,
      );
      // Only the caller's own tenant's reservation: another tenant's id is NOT_FOUND.
      const result = await fromStore(() => store.settle(context.tenant, id, costUsd));
      thresholds.crossed(result.crossed);
      return { costUsd };
    },
    SetBudget: async (request: RouterV1.SetBudgetRequest__Output): Promise<RouterV1.SetBudgetResponse> => {
      const definition = await fromStore(() =>
        store.setBudget({
          scope: scopeFromWire(request.scope),
          period: request.period as BudgetPeriod,
          limitUsd: request.limitUsd,
        }),
      );
      sawTenant(definition.scope.tenant);
      const [budget] = await fromStore(() => budgetStatuses(store, [definition]));
      return { budget };
    },
    ListBudgets: async (
      request: RouterV1.ListBudgetsRequest__Output,
    ): Promise<RouterV1.ListBudgetsResponse> => {
      const definitions = await fromStore(() => store.listBudgets(request.tenant));
      if (definitions.length > 0) sawTenant(request.tenant);
      return { budgets: await fromStore(() => budgetStatuses(store, definitions)) };
    },
    DeleteBudget: async (
      request: RouterV1.DeleteBudgetRequest__Output,
    ): Promise<RouterV1.DeleteBudgetResponse> => ({
      deleted: await fromStore(() =>
        store.deleteBudget(scopeFromWire(request.scope), request.period as BudgetPeriod),
      ),
    }),
  };
}
