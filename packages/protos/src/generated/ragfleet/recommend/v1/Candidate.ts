// Original file: protos/ragfleet/recommend/v1/recommend.proto

import type { ExpectedEffects as _ragfleet_feedback_v1_ExpectedEffects, ExpectedEffects__Output as _ragfleet_feedback_v1_ExpectedEffects__Output } from '../../../ragfleet/feedback/v1/ExpectedEffects';

export interface Candidate {
  'id'?: (string);
  'category'?: (string);
  'action'?: (string);
  'target'?: (string);
  'description'?: (string);
  'effects'?: (_ragfleet_feedback_v1_ExpectedEffects | null);
}

export interface Candidate__Output {
  'id': (string);
  'category': (string);
  'action': (string);
  'target': (string);
  'description': (string);
  'effects': (_ragfleet_feedback_v1_ExpectedEffects__Output | null);
}
