// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface SearchRequest {
  'query'?: (string);
  'k'?: (number);
  'filters'?: ({[key: string]: string});
}

export interface SearchRequest__Output {
  'query': (string);
  'k': (number);
  'filters': ({[key: string]: string});
}
