// Original file: protos/ragfleet/generate/v1/generate.proto


export interface Status {
  'stage'?: (string);
  'message'?: (string);
  'provider'?: (string);
  'model'?: (string);
}

export interface Status__Output {
  'stage': (string);
  'message': (string);
  'provider': (string);
  'model': (string);
}
