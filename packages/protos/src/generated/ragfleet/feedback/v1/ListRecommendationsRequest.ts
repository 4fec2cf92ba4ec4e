// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { Stage as _ragfleet_feedback_v1_Stage, Stage__Output as _ragfleet_feedback_v1_Stage__Output } from '../../../ragfleet/feedback/v1/Stage';

export interface ListRecommendationsRequest {
  'subjectId'?: (string);
  'stage'?: (_ragfleet_feedback_v1_Stage);
  'limit'?: (number);
}

export interface ListRecommendationsRequest__Output {
  'subjectId': (string);
  'stage': (_ragfleet_feedback_v1_Stage__Output);
  'limit': (number);
}
