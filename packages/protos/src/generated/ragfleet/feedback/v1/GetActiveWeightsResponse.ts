// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { WeightsVersion as _ragfleet_feedback_v1_WeightsVersion, WeightsVersion__Output as _ragfleet_feedback_v1_WeightsVersion__Output } from '../../../ragfleet/feedback/v1/WeightsVersion';

export interface GetActiveWeightsResponse {
  'weights'?: (_ragfleet_feedback_v1_WeightsVersion | null);
}

export interface GetActiveWeightsResponse__Output {
  'weights': (_ragfleet_feedback_v1_WeightsVersion__Output | null);
}
