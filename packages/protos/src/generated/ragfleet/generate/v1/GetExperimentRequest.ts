// Original file: protos/ragfleet/generate/v1/generate.proto


export interface GetExperimentRequest {
  'id'?: (string);
}

export interface GetExperimentRequest__Output {
  'id': (string);
}
