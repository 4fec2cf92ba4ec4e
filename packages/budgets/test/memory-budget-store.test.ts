import { budgetStoreContract } from '@ragfleet/budgets/contract';
import { MemoryBudgetStore } from '@ragfleet/budgets';

budgetStoreContract('MemoryBudgetStore', async ({ now }) => {
  const store = new MemoryBudgetStore({ now });
  return { store, cleanup: () => store.close() };
});
