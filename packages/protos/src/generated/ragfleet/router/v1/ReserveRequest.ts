// Original file: protos/ragfleet/router/v1/router.proto


export interface ReserveRequest {
  'generationId'?: (string);
  'provider'?: (string);
  'model'?: (string);
  'promptTokens'?: (number);
  'maxOutputTokens'?: (number);
}

export interface ReserveRequest__Output {
  'generationId': (string);
  'provider': (string);
  'model': (string);
  'promptTokens': (number);
  'maxOutputTokens': (number);
}
