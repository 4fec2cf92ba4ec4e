// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface GetDocumentRequest {
  'id'?: (string);
  'includeText'?: (boolean);
}

export interface GetDocumentRequest__Output {
  'id': (string);
  'includeText': (boolean);
}
