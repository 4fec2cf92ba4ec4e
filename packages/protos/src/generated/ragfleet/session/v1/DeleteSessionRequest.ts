// Original file: protos/ragfleet/session/v1/session.proto


export interface DeleteSessionRequest {
  'id'?: (string);
}

export interface DeleteSessionRequest__Output {
  'id': (string);
}
