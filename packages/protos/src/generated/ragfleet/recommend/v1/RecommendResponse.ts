// Original file: protos/ragfleet/recommend/v1/recommend.proto

import type { RecommendStatus as _ragfleet_recommend_v1_RecommendStatus, RecommendStatus__Output as _ragfleet_recommend_v1_RecommendStatus__Output } from '../../../ragfleet/recommend/v1/RecommendStatus';
import type { SubjectInfo as _ragfleet_recommend_v1_SubjectInfo, SubjectInfo__Output as _ragfleet_recommend_v1_SubjectInfo__Output } from '../../../ragfleet/recommend/v1/SubjectInfo';
import type { RecommendationBatch as _ragfleet_recommend_v1_RecommendationBatch, RecommendationBatch__Output as _ragfleet_recommend_v1_RecommendationBatch__Output } from '../../../ragfleet/recommend/v1/RecommendationBatch';
import type { RecommendComplete as _ragfleet_recommend_v1_RecommendComplete, RecommendComplete__Output as _ragfleet_recommend_v1_RecommendComplete__Output } from '../../../ragfleet/recommend/v1/RecommendComplete';

export interface RecommendResponse {
  'progress'?: (number);
  'status'?: (_ragfleet_recommend_v1_RecommendStatus | null);
  'subjectInfo'?: (_ragfleet_recommend_v1_SubjectInfo | null);
  'ruleRecommendations'?: (_ragfleet_recommend_v1_RecommendationBatch | null);
  'aiRecommendations'?: (_ragfleet_recommend_v1_RecommendationBatch | null);
  'complete'?: (_ragfleet_recommend_v1_RecommendComplete | null);
  'event'?: "status"|"subjectInfo"|"ruleRecommendations"|"aiRecommendations"|"complete";
}

export interface RecommendResponse__Output {
  'progress': (number);
  'status'?: (_ragfleet_recommend_v1_RecommendStatus__Output | null);
  'subjectInfo'?: (_ragfleet_recommend_v1_SubjectInfo__Output | null);
  'ruleRecommendations'?: (_ragfleet_recommend_v1_RecommendationBatch__Output | null);
  'aiRecommendations'?: (_ragfleet_recommend_v1_RecommendationBatch__Output | null);
  'complete'?: (_ragfleet_recommend_v1_RecommendComplete__Output | null);
  'event'?: "status"|"subjectInfo"|"ruleRecommendations"|"aiRecommendations"|"complete";
}
