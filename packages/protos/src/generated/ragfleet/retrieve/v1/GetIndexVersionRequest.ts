// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface GetIndexVersionRequest {
  'id'?: (number);
}

export interface GetIndexVersionRequest__Output {
  'id': (number);
}
