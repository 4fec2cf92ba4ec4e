// Original file: protos/ragfleet/router/v1/router.proto

import type { BudgetScope as _ragfleet_router_v1_BudgetScope, BudgetScope__Output as _ragfleet_router_v1_BudgetScope__Output } from '../../../ragfleet/router/v1/BudgetScope';

export interface BudgetStatus {
  'scope'?: (_ragfleet_router_v1_BudgetScope | null);
  'period'?: (string);
  'limitUsd'?: (number | string);
  'spentUsd'?: (number | string);
  'reservedUsd'?: (number | string);
  'remainingUsd'?: (number | string);
  'resetAt'?: (string);
}

export interface BudgetStatus__Output {
  'scope': (_ragfleet_router_v1_BudgetScope__Output | null);
  'period': (string);
  'limitUsd': (number);
  'spentUsd': (number);
  'reservedUsd': (number);
  'remainingUsd': (number);
  'resetAt': (string);
}
