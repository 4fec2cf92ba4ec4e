// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { Recommendation as _ragfleet_feedback_v1_Recommendation, Recommendation__Output as _ragfleet_feedback_v1_Recommendation__Output } from '../../../ragfleet/feedback/v1/Recommendation';
import type { Stage as _ragfleet_feedback_v1_Stage, Stage__Output as _ragfleet_feedback_v1_Stage__Output } from '../../../ragfleet/feedback/v1/Stage';
import type { StageChange as _ragfleet_feedback_v1_StageChange, StageChange__Output as _ragfleet_feedback_v1_StageChange__Output } from '../../../ragfleet/feedback/v1/StageChange';
import type { Outcome as _ragfleet_feedback_v1_Outcome, Outcome__Output as _ragfleet_feedback_v1_Outcome__Output } from '../../../ragfleet/feedback/v1/Outcome';

export interface RecommendationRecord {
  'recommendation'?: (_ragfleet_feedback_v1_Recommendation | null);
  'stage'?: (_ragfleet_feedback_v1_Stage);
  'history'?: (_ragfleet_feedback_v1_StageChange)[];
  'measureDueAt'?: (string);
  'outcome'?: (_ragfleet_feedback_v1_Outcome | null);
}

export interface RecommendationRecord__Output {
  'recommendation': (_ragfleet_feedback_v1_Recommendation__Output | null);
  'stage': (_ragfleet_feedback_v1_Stage__Output);
  'history': (_ragfleet_feedback_v1_StageChange__Output)[];
  'measureDueAt': (string);
  'outcome': (_ragfleet_feedback_v1_Outcome__Output | null);
}
