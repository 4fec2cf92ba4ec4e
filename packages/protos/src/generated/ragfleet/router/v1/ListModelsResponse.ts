// Original file: protos/ragfleet/router/v1/router.proto

import type { ModelChoice as _ragfleet_router_v1_ModelChoice, ModelChoice__Output as _ragfleet_router_v1_ModelChoice__Output } from '../../../ragfleet/router/v1/ModelChoice';

export interface ListModelsResponse {
  'models'?: (_ragfleet_router_v1_ModelChoice)[];
}

export interface ListModelsResponse__Output {
  'models': (_ragfleet_router_v1_ModelChoice__Output)[];
}
