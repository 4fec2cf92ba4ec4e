// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { ChunkingConfig as _ragfleet_retrieve_v1_ChunkingConfig, ChunkingConfig__Output as _ragfleet_retrieve_v1_ChunkingConfig__Output } from '../../../ragfleet/retrieve/v1/ChunkingConfig';

export interface IndexVersion {
  'id'?: (number);
  'model'?: (string);
  'chunking'?: (_ragfleet_retrieve_v1_ChunkingConfig | null);
  'state'?: (string);
  'createdAt'?: (string);
  'documentsDone'?: (number);
  'documentsTotal'?: (number);
  'chunks'?: (number);
  'error'?: (string);
}

export interface IndexVersion__Output {
  'id': (number);
  'model': (string);
  'chunking': (_ragfleet_retrieve_v1_ChunkingConfig__Output | null);
  'state': (string);
  'createdAt': (string);
  'documentsDone': (number);
  'documentsTotal': (number);
  'chunks': (number);
  'error': (string);
}
