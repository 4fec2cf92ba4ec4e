import { BUDGET_PERIODS, type BudgetExceeded, type BudgetPeriod, type BudgetScope } from './budget-store.ts';
import { periodKey, periodResetAt } from './periods.ts';

/*
 * A bucket is one scope's counters in one period (acme's key k1 in 2026-12). Both adapters name
 * buckets and budget definitions with the same strings; ids cannot contain `|` (budget-inputs.ts),
 * so `kind|period|id` is unambiguous.
 */

export interface Bucket {
  scope: BudgetScope;
  period: BudgetPeriod;
  /** The field of the tenant's definitions that holds this bucket's limit: `key|day|k1`. */
  definitionField: string;
  /** The counters' name, unique within the tenant: `key|2026-12-01|k1`. */
  name: string;
  resetAt: number;
  /** When the counters may be dropped: the end of the period plus the usage retention. */
  forgetAt: number;
}

export function definitionField(scope: BudgetScope, period: BudgetPeriod): string {
  return `${scope.kind}|${period}|${scope.id ?? ''}`;
}

/** The scope and period a definition field names, or undefined for a field this package never wrote. */
export function parseDefinitionField(
  tenant: string,
  field: string,
): { scope: BudgetScope; period: BudgetPeriod } | undefined {
  const [kind, period, ...rest] = field.split('|');
  const id = rest.join('|');
  if (!BUDGET_PERIODS.includes(period as BudgetPeriod)) return undefined;
  if (kind === 'tenant') return { scope: { tenant, kind }, period: period as BudgetPeriod };
  if (kind === 'key' || kind === 'user')
    return { scope: { tenant, kind, id }, period: period as BudgetPeriod };
  return undefined;
}

export function bucketsFor(scopes: BudgetScope[], now: number, usageRetentionMs: number): Bucket[] {
  return scopes.flatMap((scope) =>
    BUDGET_PERIODS.map((period) => {
      const resetAt = periodResetAt(period, now);
      return {
        scope,
        period,
        definitionField: definitionField(scope, period),
        name: `${scope.kind}|${periodKey(period, now)}|${scope.id ?? ''}`,
        resetAt,
        forgetAt: resetAt + usageRetentionMs,
      };
    }),
  );
}

/*
 * When several budgets have no room, the one reported is the one that resets last: before then
 * the request cannot fit, so its resetAt is the earliest honest "try again at".
 */
export function bindingExceeded(candidates: BudgetExceeded[]): BudgetExceeded | undefined {
  let binding: BudgetExceeded | undefined;
  for (const candidate of candidates) {
    if (!binding || candidate.resetAt > binding.resetAt) binding = candidate;
  }
  return binding;
}
