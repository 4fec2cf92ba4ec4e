// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface ListSubjectsRequest {
  'limit'?: (number);
}

export interface ListSubjectsRequest__Output {
  'limit': (number);
}
