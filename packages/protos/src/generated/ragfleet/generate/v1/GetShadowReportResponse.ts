// Original file: protos/ragfleet/generate/v1/generate.proto

import type { ShadowSummary as _ragfleet_generate_v1_ShadowSummary, ShadowSummary__Output as _ragfleet_generate_v1_ShadowSummary__Output } from '../../../ragfleet/generate/v1/ShadowSummary';

export interface GetShadowReportResponse {
  'enabled'?: (boolean);
  'share'?: (number | string);
  'summary'?: (_ragfleet_generate_v1_ShadowSummary | null);
}

export interface GetShadowReportResponse__Output {
  'enabled': (boolean);
  'share': (number);
  'summary': (_ragfleet_generate_v1_ShadowSummary__Output | null);
}
