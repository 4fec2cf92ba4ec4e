// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { SearchHit as _ragfleet_retrieve_v1_SearchHit, SearchHit__Output as _ragfleet_retrieve_v1_SearchHit__Output } from '../../../ragfleet/retrieve/v1/SearchHit';
import type { FusionWeights as _ragfleet_retrieve_v1_FusionWeights, FusionWeights__Output as _ragfleet_retrieve_v1_FusionWeights__Output } from '../../../ragfleet/retrieve/v1/FusionWeights';

export interface SearchResponse {
  'hits'?: (_ragfleet_retrieve_v1_SearchHit)[];
  'mode'?: (string);
  'fusion'?: (string);
  'weights'?: (_ragfleet_retrieve_v1_FusionWeights | null);
  'rrfK'?: (number);
  'rerank'?: (string);
  'mmrLambda'?: (number | string);
  'candidates'?: (number);
}

export interface SearchResponse__Output {
  'hits': (_ragfleet_retrieve_v1_SearchHit__Output)[];
  'mode': (string);
  'fusion': (string);
  'weights': (_ragfleet_retrieve_v1_FusionWeights__Output | null);
  'rrfK': (number);
  'rerank': (string);
  'mmrLambda': (number);
  'candidates': (number);
}
