// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface Document {
  'id'?: (string);
  'text'?: (string);
  'title'?: (string);
  'metadata'?: ({[key: string]: string});
}

export interface Document__Output {
  'id': (string);
  'text': (string);
  'title': (string);
  'metadata': ({[key: string]: string});
}
