// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface GetDocumentRequest {
  'id'?: (string);
}

export interface GetDocumentRequest__Output {
  'id': (string);
}
