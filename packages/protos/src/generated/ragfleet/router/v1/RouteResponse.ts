// Original file: protos/ragfleet/router/v1/router.proto

import type { ModelChoice as _ragfleet_router_v1_ModelChoice, ModelChoice__Output as _ragfleet_router_v1_ModelChoice__Output } from '../../../ragfleet/router/v1/ModelChoice';
import type { RouteDecision as _ragfleet_router_v1_RouteDecision, RouteDecision__Output as _ragfleet_router_v1_RouteDecision__Output } from '../../../ragfleet/router/v1/RouteDecision';

export interface RouteResponse {
  'chain'?: (_ragfleet_router_v1_ModelChoice)[];
  'reason'?: (string);
  'decision'?: (_ragfleet_router_v1_RouteDecision | null);
}

export interface RouteResponse__Output {
  'chain': (_ragfleet_router_v1_ModelChoice__Output)[];
  'reason': (string);
  'decision': (_ragfleet_router_v1_RouteDecision__Output | null);
}
