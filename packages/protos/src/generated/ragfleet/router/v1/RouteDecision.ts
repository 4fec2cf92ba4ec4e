// Original file: protos/ragfleet/router/v1/router.proto

import type { ComplexityFeature as _ragfleet_router_v1_ComplexityFeature, ComplexityFeature__Output as _ragfleet_router_v1_ComplexityFeature__Output } from '../../../ragfleet/router/v1/ComplexityFeature';
import type { SkippedModel as _ragfleet_router_v1_SkippedModel, SkippedModel__Output as _ragfleet_router_v1_SkippedModel__Output } from '../../../ragfleet/router/v1/SkippedModel';

export interface RouteDecision {
  'complexityClass'?: (string);
  'score'?: (number | string);
  'features'?: (_ragfleet_router_v1_ComplexityFeature)[];
  'skipped'?: (_ragfleet_router_v1_SkippedModel)[];
  'prefer'?: (string);
  'budgetFallback'?: (boolean);
}

export interface RouteDecision__Output {
  'complexityClass': (string);
  'score': (number);
  'features': (_ragfleet_router_v1_ComplexityFeature__Output)[];
  'skipped': (_ragfleet_router_v1_SkippedModel__Output)[];
  'prefer': (string);
  'budgetFallback': (boolean);
}
