// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface GetJobRequest {
  'id'?: (string);
}

export interface GetJobRequest__Output {
  'id': (string);
}
