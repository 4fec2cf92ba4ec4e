// Original file: protos/ragfleet/session/v1/session.proto


export interface ListSessionsRequest {
  'pageSize'?: (number);
  'cursor'?: (string);
}

export interface ListSessionsRequest__Output {
  'pageSize': (number);
  'cursor': (string);
}
