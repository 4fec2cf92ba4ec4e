// Original file: protos/ragfleet/session/v1/session.proto


export interface TurnRequest {
  'sessionId'?: (string);
  'message'?: (string);
  'k'?: (number);
  'filters'?: ({[key: string]: string});
  'promptVersion'?: (string);
}

export interface TurnRequest__Output {
  'sessionId': (string);
  'message': (string);
  'k': (number);
  'filters': ({[key: string]: string});
  'promptVersion': (string);
}
