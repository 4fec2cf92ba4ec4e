// Original file: protos/ragfleet/generate/v1/generate.proto


export interface GetRolloutRequest {
  'id'?: (string);
}

export interface GetRolloutRequest__Output {
  'id': (string);
}
