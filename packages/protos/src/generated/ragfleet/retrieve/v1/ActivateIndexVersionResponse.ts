// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { IndexVersion as _ragfleet_retrieve_v1_IndexVersion, IndexVersion__Output as _ragfleet_retrieve_v1_IndexVersion__Output } from '../../../ragfleet/retrieve/v1/IndexVersion';

export interface ActivateIndexVersionResponse {
  'version'?: (_ragfleet_retrieve_v1_IndexVersion | null);
  'activated'?: (boolean);
  'forced'?: (boolean);
  'candidateNdcg10'?: (number | string);
  'activeNdcg10'?: (number | string);
}

export interface ActivateIndexVersionResponse__Output {
  'version': (_ragfleet_retrieve_v1_IndexVersion__Output | null);
  'activated': (boolean);
  'forced': (boolean);
  'candidateNdcg10': (number);
  'activeNdcg10': (number);
}
