// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { ChunkingConfig as _ragfleet_retrieve_v1_ChunkingConfig, ChunkingConfig__Output as _ragfleet_retrieve_v1_ChunkingConfig__Output } from '../../../ragfleet/retrieve/v1/ChunkingConfig';

export interface BuildIndexVersionRequest {
  'model'?: (string);
  'chunking'?: (_ragfleet_retrieve_v1_ChunkingConfig | null);
}

export interface BuildIndexVersionRequest__Output {
  'model': (string);
  'chunking': (_ragfleet_retrieve_v1_ChunkingConfig__Output | null);
}
