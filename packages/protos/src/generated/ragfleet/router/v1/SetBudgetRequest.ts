// Original file: protos/ragfleet/router/v1/router.proto

import type { BudgetScope as _ragfleet_router_v1_BudgetScope, BudgetScope__Output as _ragfleet_router_v1_BudgetScope__Output } from '../../../ragfleet/router/v1/BudgetScope';

export interface SetBudgetRequest {
  'scope'?: (_ragfleet_router_v1_BudgetScope | null);
  'period'?: (string);
  'limitUsd'?: (number | string);
}

export interface SetBudgetRequest__Output {
  'scope': (_ragfleet_router_v1_BudgetScope__Output | null);
  'period': (string);
  'limitUsd': (number);
}
