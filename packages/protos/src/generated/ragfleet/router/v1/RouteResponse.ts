// Original file: protos/ragfleet/router/v1/router.proto

import type { ModelChoice as _ragfleet_router_v1_ModelChoice, ModelChoice__Output as _ragfleet_router_v1_ModelChoice__Output } from '../../../ragfleet/router/v1/ModelChoice';

export interface RouteResponse {
  'chain'?: (_ragfleet_router_v1_ModelChoice)[];
  'reason'?: (string);
}

export interface RouteResponse__Output {
  'chain': (_ragfleet_router_v1_ModelChoice__Output)[];
  'reason': (string);
}
