// Original file: protos/ragfleet/generate/v1/generate.proto


export interface SummarizeResponse {
  'summary'?: (string);
  'promptVersion'?: (string);
  'provider'?: (string);
  'model'?: (string);
  'inputTokens'?: (number);
  'outputTokens'?: (number);
  'extractive'?: (boolean);
  'costUsd'?: (number | string);
}

export interface SummarizeResponse__Output {
  'summary': (string);
  'promptVersion': (string);
  'provider': (string);
  'model': (string);
  'inputTokens': (number);
  'outputTokens': (number);
  'extractive': (boolean);
  'costUsd': (number);
}
