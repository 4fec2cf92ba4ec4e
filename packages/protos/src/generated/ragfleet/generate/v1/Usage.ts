// Original file: protos/ragfleet/generate/v1/generate.proto


export interface Usage {
  'inputTokens'?: (number);
  'outputTokens'?: (number);
  'provider'?: (string);
  'model'?: (string);
}

export interface Usage__Output {
  'inputTokens': (number);
  'outputTokens': (number);
  'provider': (string);
  'model': (string);
}
