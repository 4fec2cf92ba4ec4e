// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface RollbackWeightsRequest {
  'version'?: (string);
}

export interface RollbackWeightsRequest__Output {
  'version': (string);
}
