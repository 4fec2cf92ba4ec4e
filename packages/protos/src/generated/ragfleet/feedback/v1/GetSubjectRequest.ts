// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface GetSubjectRequest {
  'id'?: (string);
}

export interface GetSubjectRequest__Output {
  'id': (string);
}
