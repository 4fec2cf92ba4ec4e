// Original file: protos/ragfleet/session/v1/session.proto


export interface DeleteSessionResponse {
  'deleted'?: (boolean);
}

export interface DeleteSessionResponse__Output {
  'deleted': (boolean);
}
