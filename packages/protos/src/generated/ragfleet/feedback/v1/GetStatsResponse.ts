// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { CategoryStats as _ragfleet_feedback_v1_CategoryStats, CategoryStats__Output as _ragfleet_feedback_v1_CategoryStats__Output } from '../../../ragfleet/feedback/v1/CategoryStats';
import type { RecommendationRecord as _ragfleet_feedback_v1_RecommendationRecord, RecommendationRecord__Output as _ragfleet_feedback_v1_RecommendationRecord__Output } from '../../../ragfleet/feedback/v1/RecommendationRecord';

export interface GetStatsResponse {
  'categories'?: (_ragfleet_feedback_v1_CategoryStats)[];
  'overall'?: (_ragfleet_feedback_v1_CategoryStats | null);
  'topEffective'?: (_ragfleet_feedback_v1_RecommendationRecord)[];
  'answerFeedbackUp'?: (number);
  'answerFeedbackDown'?: (number);
}

export interface GetStatsResponse__Output {
  'categories': (_ragfleet_feedback_v1_CategoryStats__Output)[];
  'overall': (_ragfleet_feedback_v1_CategoryStats__Output | null);
  'topEffective': (_ragfleet_feedback_v1_RecommendationRecord__Output)[];
  'answerFeedbackUp': (number);
  'answerFeedbackDown': (number);
}
