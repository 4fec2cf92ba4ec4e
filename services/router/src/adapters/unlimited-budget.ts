import type { BudgetFit } from '../domain/ports.ts';

/** Every model fits: budgets (@ragfleet/budgets) are not wired into the router yet. */
export const unlimitedBudget: BudgetFit = { fits: async () => true };
