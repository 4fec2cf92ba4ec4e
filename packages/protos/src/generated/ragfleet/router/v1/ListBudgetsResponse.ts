// Original file: protos/ragfleet/router/v1/router.proto

import type { BudgetStatus as _ragfleet_router_v1_BudgetStatus, BudgetStatus__Output as _ragfleet_router_v1_BudgetStatus__Output } from '../../../ragfleet/router/v1/BudgetStatus';

export interface ListBudgetsResponse {
  'budgets'?: (_ragfleet_router_v1_BudgetStatus)[];
}

export interface ListBudgetsResponse__Output {
  'budgets': (_ragfleet_router_v1_BudgetStatus__Output)[];
}
