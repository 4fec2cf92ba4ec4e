import type { BudgetStore } from '@ragfleet/budgets';
import { Gauge, type Registry } from '@ragfleet/telemetry';

/**
 * ragfleet_router_budget_remaining_usd{tenant,period}: what each tenant's own budgets have left,
 * read from the store at scrape time. The tenants are those this replica has seen (a budget set,
 * listed or reserved against through it): with Redis, a tenant whose budget was set through
 * another replica appears here with its first Reserve. A failed read keeps the last values.
 */
export function remainingBudgetGauge(registry: Registry, store: BudgetStore) {
  const tenants = new Set<string>();
  new Gauge({
    name: 'ragfleet_router_budget_remaining_usd',
    help: "USD left in each tenant's own day and month budgets (limit minus spent and reserved).",
    labelNames: ['tenant', 'period'],
    registers: [registry],
    async collect() {
      try {
        const reads = await Promise.all(
          [...tenants].map((tenant) => store.remaining({ tenant, kind: 'tenant' })),
        );
        this.reset();
        for (const status of reads.flat()) {
          if (status.remainingUsd === null) continue; // no budget for this period
          this.set({ tenant: status.scope.tenant, period: status.period }, status.remainingUsd);
        }
      } catch {
        // Keep the last values: the budget store's own errors are reported where calls fail.
      }
    },
  });
  return {
    sawTenant(tenant: string): void {
      if (tenant) tenants.add(tenant);
    },
  };
}
