// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { FusionWeights as _ragfleet_retrieve_v1_FusionWeights, FusionWeights__Output as _ragfleet_retrieve_v1_FusionWeights__Output } from '../../../ragfleet/retrieve/v1/FusionWeights';
import type { SearchFilter as _ragfleet_retrieve_v1_SearchFilter, SearchFilter__Output as _ragfleet_retrieve_v1_SearchFilter__Output } from '../../../ragfleet/retrieve/v1/SearchFilter';

export interface SearchRequest {
  'query'?: (string);
  'k'?: (number);
  'filters'?: ({[key: string]: string});
  'mode'?: (string);
  'fusion'?: (string);
  'weights'?: (_ragfleet_retrieve_v1_FusionWeights | null);
  'rrfK'?: (number);
  'rerank'?: (string);
  'mmrLambda'?: (number | string);
  'candidates'?: (number);
  'filter'?: (_ragfleet_retrieve_v1_SearchFilter | null);
}

export interface SearchRequest__Output {
  'query': (string);
  'k': (number);
  'filters': ({[key: string]: string});
  'mode': (string);
  'fusion': (string);
  'weights': (_ragfleet_retrieve_v1_FusionWeights__Output | null);
  'rrfK': (number);
  'rerank': (string);
  'mmrLambda': (number);
  'candidates': (number);
  'filter': (_ragfleet_retrieve_v1_SearchFilter__Output | null);
}
