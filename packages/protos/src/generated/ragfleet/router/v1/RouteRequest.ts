// Original file: protos/ragfleet/router/v1/router.proto


export interface RouteRequest {
  'query'?: (string);
  'tier'?: (string);
  'prefer'?: (string);
  'conversationDepth'?: (number);
  'promptTokens'?: (number);
}

export interface RouteRequest__Output {
  'query': (string);
  'tier': (string);
  'prefer': (string);
  'conversationDepth': (number);
  'promptTokens': (number);
}
