// Original file: protos/ragfleet/recommend/v1/recommend.proto

import type { ScoredCandidate as _ragfleet_recommend_v1_ScoredCandidate, ScoredCandidate__Output as _ragfleet_recommend_v1_ScoredCandidate__Output } from '../../../ragfleet/recommend/v1/ScoredCandidate';

export interface ScoreResponse {
  'scored'?: (_ragfleet_recommend_v1_ScoredCandidate)[];
  'weightsVersion'?: (string);
}

export interface ScoreResponse__Output {
  'scored': (_ragfleet_recommend_v1_ScoredCandidate__Output)[];
  'weightsVersion': (string);
}
