import { periodKey, type ThresholdCrossing } from '@ragfleet/budgets';
import { createEvent, type EventBus } from '@ragfleet/events';
import { counter, type Registry } from '@ragfleet/telemetry';
import type { Logger } from '@ragfleet/telemetry';

/** The JSON a budget.threshold event carries (subjects.budgetThreshold). */
export interface BudgetThresholdEvent {
  scope: ThresholdCrossing['scope'];
  period: ThresholdCrossing['period'];
  threshold: ThresholdCrossing['threshold'];
  limit_usd: number;
  /** Spent plus reserved when the level was passed. */
  used_usd: number;
  /** RFC 3339: when the period starts again from zero. */
  reset_at: string;
}

export interface ThresholdEventsOptions {
  bus: EventBus;
  subject: string;
  registry: Registry;
  logger: Pick<Logger, 'warn'>;
}

/**
 * Publishes each 80 % and 100 % crossing a Reserve or Settle reports, and counts it. The envelope
 * id names the budget, period and level, so a crossing reported twice (a retried call, two
 * replicas) is stored once by the stream's de-duplication. Publishing never fails the call that
 * crossed: the spend is already counted, the event is a notification.
 */
export function thresholdEvents({ bus, subject, registry, logger }: ThresholdEventsOptions) {
  const crossings = counter(
    registry,
    'ragfleet_router_budget_thresholds_total',
    'Budgets that passed 80 % or 100 % of their limit (spent plus reserved), by threshold.',
    ['threshold'],
  );
  return {
    crossed(list: ThresholdCrossing[]): void {
      for (const crossing of list) {
        crossings.inc({ threshold: String(crossing.threshold) });
        const { scope, period, threshold } = crossing;
        const data: BudgetThresholdEvent = {
          scope,
          period,
          threshold,
          limit_usd: crossing.limitUsd,
          used_usd: crossing.usedUsd,
          reset_at: new Date(crossing.resetAt).toISOString(),
        };
        // The period's name, not the reset time's: one id per budget, period and level.
        const periodName = periodKey(period, crossing.resetAt - 1);
        const id = `budget-threshold:${scope.tenant}:${scope.kind}:${scope.id ?? ''}:${periodName}:${threshold}`;
        const event = createEvent({
          id,
          type: 'budget.threshold',
          source: 'router',
          tenant: scope.tenant,
          data,
        });
        bus.publish(subject, event).catch((error: unknown) => {
          logger.warn(
            { subject, scope, period, threshold, why: (error as Error).message },
            'budget threshold event not published',
          );
        });
      }
    },
  };
}

export type ThresholdEvents = ReturnType<typeof thresholdEvents>;
