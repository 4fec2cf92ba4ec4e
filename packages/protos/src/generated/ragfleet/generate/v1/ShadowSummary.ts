// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Long } from '@grpc/proto-loader';

export interface ShadowSummary {
  'candidate'?: (string);
  'runs'?: (number | string | Long);
  'errors'?: (number | string | Long);
  'latencyMsDelta'?: (number | string);
  'costUsdDelta'?: (number | string);
  'lengthRatio'?: (number | string);
  'citationOverlap'?: (number | string);
  'budgetUsd'?: (number | string);
  'spentUsd'?: (number | string);
  'skippedBudget'?: (number | string | Long);
}

export interface ShadowSummary__Output {
  'candidate': (string);
  'runs': (string);
  'errors': (string);
  'latencyMsDelta': (number);
  'costUsdDelta': (number);
  'lengthRatio': (number);
  'citationOverlap': (number);
  'budgetUsd': (number);
  'spentUsd': (number);
  'skippedBudget': (string);
}
