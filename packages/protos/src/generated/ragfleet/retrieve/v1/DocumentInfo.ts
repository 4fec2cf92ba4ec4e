// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface DocumentInfo {
  'id'?: (string);
  'title'?: (string);
  'metadata'?: ({[key: string]: string});
  'chunkCount'?: (number);
  'length'?: (number);
  'updatedAt'?: (string);
}

export interface DocumentInfo__Output {
  'id': (string);
  'title': (string);
  'metadata': ({[key: string]: string});
  'chunkCount': (number);
  'length': (number);
  'updatedAt': (string);
}
