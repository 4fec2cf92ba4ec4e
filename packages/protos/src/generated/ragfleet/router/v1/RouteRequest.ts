// Original file: protos/ragfleet/router/v1/router.proto


export interface RouteRequest {
  'query'?: (string);
  'tier'?: (string);
}

export interface RouteRequest__Output {
  'query': (string);
  'tier': (string);
}
