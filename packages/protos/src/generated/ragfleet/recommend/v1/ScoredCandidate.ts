// Original file: protos/ragfleet/recommend/v1/recommend.proto

import type { Candidate as _ragfleet_recommend_v1_Candidate, Candidate__Output as _ragfleet_recommend_v1_Candidate__Output } from '../../../ragfleet/recommend/v1/Candidate';
import type { FactorScore as _ragfleet_feedback_v1_FactorScore, FactorScore__Output as _ragfleet_feedback_v1_FactorScore__Output } from '../../../ragfleet/feedback/v1/FactorScore';

export interface ScoredCandidate {
  'candidate'?: (_ragfleet_recommend_v1_Candidate | null);
  'score'?: (number | string);
  'priority'?: (string);
  'confidence'?: (number | string);
  'reasoning'?: (string);
  'factors'?: (_ragfleet_feedback_v1_FactorScore)[];
}

export interface ScoredCandidate__Output {
  'candidate': (_ragfleet_recommend_v1_Candidate__Output | null);
  'score': (number);
  'priority': (string);
  'confidence': (number);
  'reasoning': (string);
  'factors': (_ragfleet_feedback_v1_FactorScore__Output)[];
}
