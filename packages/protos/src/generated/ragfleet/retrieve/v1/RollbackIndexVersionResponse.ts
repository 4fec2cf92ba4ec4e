// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { IndexVersion as _ragfleet_retrieve_v1_IndexVersion, IndexVersion__Output as _ragfleet_retrieve_v1_IndexVersion__Output } from '../../../ragfleet/retrieve/v1/IndexVersion';

export interface RollbackIndexVersionResponse {
  'version'?: (_ragfleet_retrieve_v1_IndexVersion | null);
}

export interface RollbackIndexVersionResponse__Output {
  'version': (_ragfleet_retrieve_v1_IndexVersion__Output | null);
}
