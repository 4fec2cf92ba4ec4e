// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface SearchHit {
  'chunkId'?: (string);
  'documentId'?: (string);
  'title'?: (string);
  'text'?: (string);
  'score'?: (number | string);
  'start'?: (number);
  'end'?: (number);
  'metadata'?: ({[key: string]: string});
}

export interface SearchHit__Output {
  'chunkId': (string);
  'documentId': (string);
  'title': (string);
  'text': (string);
  'score': (number);
  'start': (number);
  'end': (number);
  'metadata': ({[key: string]: string});
}
