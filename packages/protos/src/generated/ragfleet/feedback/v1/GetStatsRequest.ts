// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface GetStatsRequest {
  'top'?: (number);
}

export interface GetStatsRequest__Output {
  'top': (number);
}
