// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { IndexVersion as _ragfleet_retrieve_v1_IndexVersion, IndexVersion__Output as _ragfleet_retrieve_v1_IndexVersion__Output } from '../../../ragfleet/retrieve/v1/IndexVersion';

export interface ListIndexVersionsResponse {
  'versions'?: (_ragfleet_retrieve_v1_IndexVersion)[];
  'active'?: (number);
  'previous'?: (number);
}

export interface ListIndexVersionsResponse__Output {
  'versions': (_ragfleet_retrieve_v1_IndexVersion__Output)[];
  'active': (number);
  'previous': (number);
}
