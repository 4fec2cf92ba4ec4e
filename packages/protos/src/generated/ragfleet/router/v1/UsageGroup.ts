// Original file: protos/ragfleet/router/v1/router.proto

import type { Long } from '@grpc/proto-loader';

export interface UsageGroup {
  'key'?: (string);
  'generations'?: (number | string | Long);
  'inputTokens'?: (number | string | Long);
  'outputTokens'?: (number | string | Long);
  'costUsd'?: (number | string);
  'cached'?: (number | string | Long);
}

export interface UsageGroup__Output {
  'key': (string);
  'generations': (string);
  'inputTokens': (string);
  'outputTokens': (string);
  'costUsd': (number);
  'cached': (string);
}
