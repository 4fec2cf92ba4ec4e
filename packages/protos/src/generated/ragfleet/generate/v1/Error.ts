// Original file: protos/ragfleet/generate/v1/generate.proto


export interface Error {
  'code'?: (string);
  'message'?: (string);
  'retryable'?: (boolean);
}

export interface Error__Output {
  'code': (string);
  'message': (string);
  'retryable': (boolean);
}
