// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface DeleteDocumentResponse {
  'deleted'?: (boolean);
  'chunksRemoved'?: (number);
}

export interface DeleteDocumentResponse__Output {
  'deleted': (boolean);
  'chunksRemoved': (number);
}
