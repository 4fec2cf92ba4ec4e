// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface SearchFilter {
  'tags'?: (string)[];
  'lang'?: (string);
  'publishedFrom'?: (string);
  'publishedTo'?: (string);
  'documentIds'?: (string)[];
}

export interface SearchFilter__Output {
  'tags': (string)[];
  'lang': (string);
  'publishedFrom': (string);
  'publishedTo': (string);
  'documentIds': (string)[];
}
