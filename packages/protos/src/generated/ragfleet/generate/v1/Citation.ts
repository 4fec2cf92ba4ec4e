// Original file: protos/ragfleet/generate/v1/generate.proto


export interface Citation {
  'index'?: (number);
  'documentId'?: (string);
  'chunkId'?: (string);
  'title'?: (string);
  'text'?: (string);
  'score'?: (number | string);
  'start'?: (number);
  'end'?: (number);
}

export interface Citation__Output {
  'index': (number);
  'documentId': (string);
  'chunkId': (string);
  'title': (string);
  'text': (string);
  'score': (number);
  'start': (number);
  'end': (number);
}
