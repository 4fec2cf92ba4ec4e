// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { RecommendationRecord as _ragfleet_feedback_v1_RecommendationRecord, RecommendationRecord__Output as _ragfleet_feedback_v1_RecommendationRecord__Output } from '../../../ragfleet/feedback/v1/RecommendationRecord';

export interface TransitionResponse {
  'record'?: (_ragfleet_feedback_v1_RecommendationRecord | null);
}

export interface TransitionResponse__Output {
  'record': (_ragfleet_feedback_v1_RecommendationRecord__Output | null);
}
