// Original file: protos/ragfleet/generate/v1/generate.proto


export interface Token {
  'text'?: (string);
}

export interface Token__Output {
  'text': (string);
}
