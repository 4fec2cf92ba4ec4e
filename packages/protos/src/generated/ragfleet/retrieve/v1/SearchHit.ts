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
  'vectorScore'?: (number | string);
  'vectorRank'?: (number);
  'keywordScore'?: (number | string);
  'keywordRank'?: (number);
  'fusedScore'?: (number | string);
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
  'vectorScore': (number);
  'vectorRank': (number);
  'keywordScore': (number);
  'keywordRank': (number);
  'fusedScore': (number);
}
