// Original file: protos/ragfleet/session/v1/session.proto


export interface GetSessionRequest {
  'id'?: (string);
  'messagePageSize'?: (number);
  'messageCursor'?: (string);
}

export interface GetSessionRequest__Output {
  'id': (string);
  'messagePageSize': (number);
  'messageCursor': (string);
}
