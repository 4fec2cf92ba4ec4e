// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { RelevantDocument as _ragfleet_retrieve_v1_RelevantDocument, RelevantDocument__Output as _ragfleet_retrieve_v1_RelevantDocument__Output } from '../../../ragfleet/retrieve/v1/RelevantDocument';

export interface LabeledQuery {
  'query'?: (string);
  'relevant'?: (_ragfleet_retrieve_v1_RelevantDocument)[];
}

export interface LabeledQuery__Output {
  'query': (string);
  'relevant': (_ragfleet_retrieve_v1_RelevantDocument__Output)[];
}
