// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface RecordAnswerFeedbackResponse {
  'id'?: (string);
  'recordedAt'?: (string);
  'replaced'?: (boolean);
}

export interface RecordAnswerFeedbackResponse__Output {
  'id': (string);
  'recordedAt': (string);
  'replaced': (boolean);
}
