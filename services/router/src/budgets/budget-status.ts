import type { BudgetDefinition, BudgetScope, BudgetStatus, BudgetStore } from '@ragfleet/budgets';
import type { RouterV1 } from '@ragfleet/protos';

const scopeKey = (scope: BudgetScope) => `${scope.kind}|${scope.id ?? ''}`;

/** A scope from the wire: an empty id is no id (the tenant scope has none). */
export function scopeFromWire(scope: RouterV1.BudgetScope__Output | null | undefined): BudgetScope {
  const kind = (scope?.kind ?? '') as BudgetScope['kind'];
  const id = scope?.id ?? '';
  return { tenant: scope?.tenant ?? '', kind, ...(id ? { id } : {}) };
}

function toWire(status: BudgetStatus, limitUsd: number): RouterV1.BudgetStatus {
  return {
    scope: { tenant: status.scope.tenant, kind: status.scope.kind, id: status.scope.id ?? '' },
    period: status.period,
    limitUsd,
    spentUsd: status.spentUsd,
    reservedUsd: status.reservedUsd,
    remainingUsd: status.remainingUsd ?? 0,
    resetAt: new Date(status.resetAt).toISOString(),
  };
}

/**
 * Each budget with this period's spend: one remaining() read per scope (it answers both
 * periods), in the order the definitions came.
 */
export async function budgetStatuses(
  store: BudgetStore,
  definitions: BudgetDefinition[],
): Promise<RouterV1.BudgetStatus[]> {
  const reads = new Map<string, Promise<BudgetStatus[]>>();
  for (const { scope } of definitions) {
    if (!reads.has(scopeKey(scope))) reads.set(scopeKey(scope), store.remaining(scope));
  }
  return Promise.all(
    definitions.map(async (definition) => {
      const statuses = await reads.get(scopeKey(definition.scope))!;
      const status = statuses.find((each) => each.period === definition.period)!;
      return toWire(status, definition.limitUsd);
    }),
  );
}
