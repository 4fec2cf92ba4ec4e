// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { Stage as _ragfleet_feedback_v1_Stage, Stage__Output as _ragfleet_feedback_v1_Stage__Output } from '../../../ragfleet/feedback/v1/Stage';

export interface TransitionRequest {
  'id'?: (string);
  'to'?: (_ragfleet_feedback_v1_Stage);
  'note'?: (string);
}

export interface TransitionRequest__Output {
  'id': (string);
  'to': (_ragfleet_feedback_v1_Stage__Output);
  'note': (string);
}
