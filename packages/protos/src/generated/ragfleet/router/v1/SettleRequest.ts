// Original file: protos/ragfleet/router/v1/router.proto


export interface SettleRequest {
  'generationId'?: (string);
  'provider'?: (string);
  'model'?: (string);
  'inputTokens'?: (number);
  'outputTokens'?: (number);
}

export interface SettleRequest__Output {
  'generationId': (string);
  'provider': (string);
  'model': (string);
  'inputTokens': (number);
  'outputTokens': (number);
}
