// Original file: protos/ragfleet/recommend/v1/recommend.proto

import type { WeightsVersion as _ragfleet_feedback_v1_WeightsVersion, WeightsVersion__Output as _ragfleet_feedback_v1_WeightsVersion__Output } from '../../../ragfleet/feedback/v1/WeightsVersion';

export interface GetScorerStateResponse {
  'weights'?: (_ragfleet_feedback_v1_WeightsVersion | null);
  'rulePack'?: (string);
  'rulePackVersion'?: (string);
  'rules'?: (number);
  'weightsLoadedAt'?: (string);
}

export interface GetScorerStateResponse__Output {
  'weights': (_ragfleet_feedback_v1_WeightsVersion__Output | null);
  'rulePack': (string);
  'rulePackVersion': (string);
  'rules': (number);
  'weightsLoadedAt': (string);
}
