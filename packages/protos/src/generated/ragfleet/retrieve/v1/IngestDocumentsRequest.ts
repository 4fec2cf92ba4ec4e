// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { Document as _ragfleet_retrieve_v1_Document, Document__Output as _ragfleet_retrieve_v1_Document__Output } from '../../../ragfleet/retrieve/v1/Document';

export interface IngestDocumentsRequest {
  'documents'?: (_ragfleet_retrieve_v1_Document)[];
  'chunking'?: (string);
}

export interface IngestDocumentsRequest__Output {
  'documents': (_ragfleet_retrieve_v1_Document__Output)[];
  'chunking': (string);
}
