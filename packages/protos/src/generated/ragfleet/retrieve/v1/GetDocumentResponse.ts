// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { DocumentInfo as _ragfleet_retrieve_v1_DocumentInfo, DocumentInfo__Output as _ragfleet_retrieve_v1_DocumentInfo__Output } from '../../../ragfleet/retrieve/v1/DocumentInfo';

export interface GetDocumentResponse {
  'document'?: (_ragfleet_retrieve_v1_DocumentInfo | null);
  'text'?: (string);
}

export interface GetDocumentResponse__Output {
  'document': (_ragfleet_retrieve_v1_DocumentInfo__Output | null);
  'text': (string);
}
