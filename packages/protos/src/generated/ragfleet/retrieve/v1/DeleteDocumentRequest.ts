// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface DeleteDocumentRequest {
  'id'?: (string);
}

export interface DeleteDocumentRequest__Output {
  'id': (string);
}
