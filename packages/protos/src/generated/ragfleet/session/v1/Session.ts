// Original file: protos/ragfleet/session/v1/session.proto


export interface Session {
  'id'?: (string);
  'title'?: (string);
  'topic'?: (string);
  'labels'?: (string)[];
  'createdAt'?: (string);
  'lastActivityAt'?: (string);
  'messageCount'?: (number);
  'summary'?: (string);
  'summarizedMessageCount'?: (number);
}

export interface Session__Output {
  'id': (string);
  'title': (string);
  'topic': (string);
  'labels': (string)[];
  'createdAt': (string);
  'lastActivityAt': (string);
  'messageCount': (number);
  'summary': (string);
  'summarizedMessageCount': (number);
}
