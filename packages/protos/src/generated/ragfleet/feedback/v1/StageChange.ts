// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { Stage as _ragfleet_feedback_v1_Stage, Stage__Output as _ragfleet_feedback_v1_Stage__Output } from '../../../ragfleet/feedback/v1/Stage';

export interface StageChange {
  'stage'?: (_ragfleet_feedback_v1_Stage);
  'at'?: (string);
  'actor'?: (string);
}

export interface StageChange__Output {
  'stage': (_ragfleet_feedback_v1_Stage__Output);
  'at': (string);
  'actor': (string);
}
