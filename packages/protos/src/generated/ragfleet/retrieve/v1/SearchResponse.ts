// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { SearchHit as _ragfleet_retrieve_v1_SearchHit, SearchHit__Output as _ragfleet_retrieve_v1_SearchHit__Output } from '../../../ragfleet/retrieve/v1/SearchHit';

export interface SearchResponse {
  'hits'?: (_ragfleet_retrieve_v1_SearchHit)[];
}

export interface SearchResponse__Output {
  'hits': (_ragfleet_retrieve_v1_SearchHit__Output)[];
}
