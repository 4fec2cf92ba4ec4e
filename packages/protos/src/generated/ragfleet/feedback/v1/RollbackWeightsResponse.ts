// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { WeightsVersion as _ragfleet_feedback_v1_WeightsVersion, WeightsVersion__Output as _ragfleet_feedback_v1_WeightsVersion__Output } from '../../../ragfleet/feedback/v1/WeightsVersion';

export interface RollbackWeightsResponse {
  'weights'?: (_ragfleet_feedback_v1_WeightsVersion | null);
}

export interface RollbackWeightsResponse__Output {
  'weights': (_ragfleet_feedback_v1_WeightsVersion__Output | null);
}
