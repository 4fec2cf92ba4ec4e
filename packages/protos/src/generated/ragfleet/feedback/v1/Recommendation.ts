// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { ExpectedEffects as _ragfleet_feedback_v1_ExpectedEffects, ExpectedEffects__Output as _ragfleet_feedback_v1_ExpectedEffects__Output } from '../../../ragfleet/feedback/v1/ExpectedEffects';
import type { FactorScore as _ragfleet_feedback_v1_FactorScore, FactorScore__Output as _ragfleet_feedback_v1_FactorScore__Output } from '../../../ragfleet/feedback/v1/FactorScore';

export interface Recommendation {
  'id'?: (string);
  'subjectId'?: (string);
  'category'?: (string);
  'action'?: (string);
  'target'?: (string);
  'description'?: (string);
  'source'?: (string);
  'ruleIds'?: (string)[];
  'inputs'?: ({[key: string]: number | string});
  'effects'?: (_ragfleet_feedback_v1_ExpectedEffects | null);
  'score'?: (number | string);
  'priority'?: (string);
  'confidence'?: (number | string);
  'reasoning'?: (string);
  'factors'?: (_ragfleet_feedback_v1_FactorScore)[];
  'weightsVersion'?: (string);
  'generatedAt'?: (string);
  'grounding'?: (string)[];
}

export interface Recommendation__Output {
  'id': (string);
  'subjectId': (string);
  'category': (string);
  'action': (string);
  'target': (string);
  'description': (string);
  'source': (string);
  'ruleIds': (string)[];
  'inputs': ({[key: string]: number});
  'effects': (_ragfleet_feedback_v1_ExpectedEffects__Output | null);
  'score': (number);
  'priority': (string);
  'confidence': (number);
  'reasoning': (string);
  'factors': (_ragfleet_feedback_v1_FactorScore__Output)[];
  'weightsVersion': (string);
  'generatedAt': (string);
  'grounding': (string)[];
}
