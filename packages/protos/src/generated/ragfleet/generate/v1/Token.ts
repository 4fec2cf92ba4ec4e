// Original file: protos/ragfleet/generate/v1/generate.proto


export interface Token {
  'text'?: (string);
  'specialist'?: (string);
}

export interface Token__Output {
  'text': (string);
  'specialist': (string);
}
