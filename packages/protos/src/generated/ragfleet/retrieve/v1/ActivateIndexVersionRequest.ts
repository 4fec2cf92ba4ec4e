// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { LabeledQuery as _ragfleet_retrieve_v1_LabeledQuery, LabeledQuery__Output as _ragfleet_retrieve_v1_LabeledQuery__Output } from '../../../ragfleet/retrieve/v1/LabeledQuery';

export interface ActivateIndexVersionRequest {
  'id'?: (number);
  'force'?: (boolean);
  'queries'?: (_ragfleet_retrieve_v1_LabeledQuery)[];
}

export interface ActivateIndexVersionRequest__Output {
  'id': (number);
  'force': (boolean);
  'queries': (_ragfleet_retrieve_v1_LabeledQuery__Output)[];
}
