import type { EventBus } from '@ragfleet/events';
import type { Handlers } from '@ragfleet/grpc';
import type { Logger, Registry } from '@ragfleet/telemetry';
import type { Catalog } from '../domain/catalog.ts';
import type { BudgetFit } from '../domain/ports.ts';
import type { BudgetConfig } from './budget-config.ts';
import { budgetHandlers } from './budget-handlers.ts';
import { budgetStoreFromConfig } from './budget-store-from-config.ts';
import { RemainingBudgetFit } from './remaining-budget-fit.ts';
import { remainingBudgetGauge } from './remaining-budget-gauge.ts';
import { thresholdEvents } from './threshold-events.ts';

export interface ComposedBudgets {
  /** Reserve, Settle, SetBudget, ListBudgets, DeleteBudget. */
  handlers: Handlers;
  /** The policy's BudgetFit over the same store. */
  fit: BudgetFit;
  close(): Promise<void>;
}

export interface ComposeBudgetsOptions {
  logger: Logger;
  registry: Registry;
  catalog: () => Catalog;
  /** Where threshold crossings are published (the router's one event bus). */
  bus: EventBus;
  thresholdSubject: string;
}

/** The router's budgets: the store REDIS_URL chooses, its handlers, metrics and the policy's check. */
export async function composeBudgets(
  config: BudgetConfig,
  options: ComposeBudgetsOptions,
): Promise<ComposedBudgets> {
  const { logger, registry, catalog, bus, thresholdSubject } = options;
  const budgets = await budgetStoreFromConfig(config);
  const gauge = remainingBudgetGauge(registry, budgets.store);
  const handlers = budgetHandlers({
    store: budgets.store,
    catalog,
    reservationTtlMs: config.BUDGET_RESERVATION_TTL_SECONDS * 1_000,
    thresholds: thresholdEvents({ bus, subject: thresholdSubject, registry, logger }),
    sawTenant: gauge.sawTenant,
  });
  const fit = new RemainingBudgetFit({
    store: budgets.store,
    outputTokens: config.ROUTER_BUDGET_OUTPUT_TOKENS,
    logger,
  });
  logger.info(
    budgets.kind === 'redis'
      ? { budgets: 'redis', keyPrefix: config.BUDGET_KEY_PREFIX }
      : { budgets: 'memory' },
    budgets.kind === 'redis'
      ? 'budgets in Redis, shared by every router replica'
      : 'budgets in memory (REDIS_URL not set): one router only, lost on restart',
  );
  return { handlers, fit, close: () => budgets.close() };
}
