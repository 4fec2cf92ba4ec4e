// Original file: protos/ragfleet/recommend/v1/recommend.proto

import type { Recommendation as _ragfleet_feedback_v1_Recommendation, Recommendation__Output as _ragfleet_feedback_v1_Recommendation__Output } from '../../../ragfleet/feedback/v1/Recommendation';

export interface RecommendationBatch {
  'recommendations'?: (_ragfleet_feedback_v1_Recommendation)[];
  'dropped'?: (number);
  'merged'?: (number);
  'errorCode'?: (string);
  'errorMessage'?: (string);
}

export interface RecommendationBatch__Output {
  'recommendations': (_ragfleet_feedback_v1_Recommendation__Output)[];
  'dropped': (number);
  'merged': (number);
  'errorCode': (string);
  'errorMessage': (string);
}
