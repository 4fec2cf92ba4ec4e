// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface ListWeightsRequest {
  'limit'?: (number);
}

export interface ListWeightsRequest__Output {
  'limit': (number);
}
