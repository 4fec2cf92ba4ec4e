// Original file: protos/ragfleet/router/v1/router.proto

import type { BudgetStatus as _ragfleet_router_v1_BudgetStatus, BudgetStatus__Output as _ragfleet_router_v1_BudgetStatus__Output } from '../../../ragfleet/router/v1/BudgetStatus';

export interface SetBudgetResponse {
  'budget'?: (_ragfleet_router_v1_BudgetStatus | null);
}

export interface SetBudgetResponse__Output {
  'budget': (_ragfleet_router_v1_BudgetStatus__Output | null);
}
