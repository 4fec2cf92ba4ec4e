// Original file: protos/ragfleet/session/v1/session.proto


export interface TurnStarted {
  'sessionId'?: (string);
  'turnId'?: (string);
  'messageId'?: (string);
}

export interface TurnStarted__Output {
  'sessionId': (string);
  'turnId': (string);
  'messageId': (string);
}
