import type { BudgetFit } from '../domain/ports.ts';

/** Every model fits: for in-process uses (benchmarks, tests) that route without budgets. */
export const unlimitedBudget: BudgetFit = { forCaller: async () => () => true };
