export {
  BUDGET_PERIODS,
  SCOPE_KINDS,
  DEFAULT_RETENTION_MS,
  type BudgetDefinition,
  type BudgetExceeded,
  type BudgetPeriod,
  type BudgetScope,
  type BudgetStatus,
  type BudgetStore,
  type BudgetStoreOptions,
  type ReserveRequest,
  type ReserveResult,
  type ScopeKind,
  type SettleResult,
  type ThresholdCrossing,
} from './budget-store.ts';
export { MAX_RESERVATION_TTL_MS } from './budget-inputs.ts';
export { budgetExceededError } from './budget-errors.ts';
export { MemoryBudgetStore } from './memory-budget-store.ts';
export { RedisBudgetStore, type RedisBudgetStoreOptions } from './redis-budget-store.ts';
export { MAX_USD } from './money.ts';
export { periodKey, periodResetAt } from './periods.ts';
export { estimateCost, type ModelPrices, type TokenEstimate } from './cost.ts';
export { countTokens } from './token-counter.ts';
