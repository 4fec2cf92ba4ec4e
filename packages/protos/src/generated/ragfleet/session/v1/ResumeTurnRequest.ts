// Original file: protos/ragfleet/session/v1/session.proto


export interface ResumeTurnRequest {
  'sessionId'?: (string);
  'turnId'?: (string);
  'afterSeq'?: (number);
}

export interface ResumeTurnRequest__Output {
  'sessionId': (string);
  'turnId': (string);
  'afterSeq': (number);
}
