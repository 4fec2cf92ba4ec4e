// Original file: protos/ragfleet/generate/v1/generate.proto


export interface StopExperimentRequest {
  'id'?: (string);
}

export interface StopExperimentRequest__Output {
  'id': (string);
}
