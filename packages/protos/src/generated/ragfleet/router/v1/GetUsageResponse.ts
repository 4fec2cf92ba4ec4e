// Original file: protos/ragfleet/router/v1/router.proto

import type { UsageGroup as _ragfleet_router_v1_UsageGroup, UsageGroup__Output as _ragfleet_router_v1_UsageGroup__Output } from '../../../ragfleet/router/v1/UsageGroup';
import type { Long } from '@grpc/proto-loader';

export interface GetUsageResponse {
  'groups'?: (_ragfleet_router_v1_UsageGroup)[];
  'totalCostUsd'?: (number | string);
  'generations'?: (number | string | Long);
}

export interface GetUsageResponse__Output {
  'groups': (_ragfleet_router_v1_UsageGroup__Output)[];
  'totalCostUsd': (number);
  'generations': (string);
}
