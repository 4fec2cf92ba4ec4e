// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { Recommendation as _ragfleet_feedback_v1_Recommendation, Recommendation__Output as _ragfleet_feedback_v1_Recommendation__Output } from '../../../ragfleet/feedback/v1/Recommendation';

export interface RecordGeneratedRequest {
  'recommendations'?: (_ragfleet_feedback_v1_Recommendation)[];
}

export interface RecordGeneratedRequest__Output {
  'recommendations': (_ragfleet_feedback_v1_Recommendation__Output)[];
}
