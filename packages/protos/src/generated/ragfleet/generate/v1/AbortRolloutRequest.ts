// Original file: protos/ragfleet/generate/v1/generate.proto


export interface AbortRolloutRequest {
  'id'?: (string);
}

export interface AbortRolloutRequest__Output {
  'id': (string);
}
