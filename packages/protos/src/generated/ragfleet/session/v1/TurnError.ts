// Original file: protos/ragfleet/session/v1/session.proto


export interface TurnError {
  'code'?: (string);
  'message'?: (string);
  'retryable'?: (boolean);
  'attempts'?: (number);
  'fallbackSuggestions'?: (string)[];
}

export interface TurnError__Output {
  'code': (string);
  'message': (string);
  'retryable': (boolean);
  'attempts': (number);
  'fallbackSuggestions': (string)[];
}
