// Original file: protos/ragfleet/session/v1/session.proto


export interface CreateSessionRequest {
  'title'?: (string);
  'topic'?: (string);
  'labels'?: (string)[];
}

export interface CreateSessionRequest__Output {
  'title': (string);
  'topic': (string);
  'labels': (string)[];
}
