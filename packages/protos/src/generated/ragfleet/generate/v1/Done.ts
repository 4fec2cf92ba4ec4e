// Original file: protos/ragfleet/generate/v1/generate.proto

import type { RouteDecision as _ragfleet_router_v1_RouteDecision, RouteDecision__Output as _ragfleet_router_v1_RouteDecision__Output } from '../../../ragfleet/router/v1/RouteDecision';

export interface Done {
  'provider'?: (string);
  'model'?: (string);
  'finishReason'?: (string);
  'promptVersion'?: (string);
  'timeToFirstTokenMs'?: (number);
  'cached'?: (boolean);
  'decision'?: (_ragfleet_router_v1_RouteDecision | null);
  'costUsd'?: (number | string);
  'answerId'?: (string);
  'experimentId'?: (string);
  'variant'?: (string);
}

export interface Done__Output {
  'provider': (string);
  'model': (string);
  'finishReason': (string);
  'promptVersion': (string);
  'timeToFirstTokenMs': (number);
  'cached': (boolean);
  'decision': (_ragfleet_router_v1_RouteDecision__Output | null);
  'costUsd': (number);
  'answerId': (string);
  'experimentId': (string);
  'variant': (string);
}
