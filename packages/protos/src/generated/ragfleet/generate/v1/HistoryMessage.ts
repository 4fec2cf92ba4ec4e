// Original file: protos/ragfleet/generate/v1/generate.proto


export interface HistoryMessage {
  'role'?: (string);
  'content'?: (string);
}

export interface HistoryMessage__Output {
  'role': (string);
  'content': (string);
}
