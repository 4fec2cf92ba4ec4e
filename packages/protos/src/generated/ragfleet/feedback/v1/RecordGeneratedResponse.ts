// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface RecordGeneratedResponse {
  'recorded'?: (number);
}

export interface RecordGeneratedResponse__Output {
  'recorded': (number);
}
