// Original file: protos/ragfleet/recommend/v1/recommend.proto

import type { Candidate as _ragfleet_recommend_v1_Candidate, Candidate__Output as _ragfleet_recommend_v1_Candidate__Output } from '../../../ragfleet/recommend/v1/Candidate';
import type { SubjectContext as _ragfleet_recommend_v1_SubjectContext, SubjectContext__Output as _ragfleet_recommend_v1_SubjectContext__Output } from '../../../ragfleet/recommend/v1/SubjectContext';

export interface ScoreRequest {
  'candidates'?: (_ragfleet_recommend_v1_Candidate)[];
  'subjectId'?: (string);
  'context'?: (_ragfleet_recommend_v1_SubjectContext | null);
}

export interface ScoreRequest__Output {
  'candidates': (_ragfleet_recommend_v1_Candidate__Output)[];
  'subjectId': (string);
  'context': (_ragfleet_recommend_v1_SubjectContext__Output | null);
}
