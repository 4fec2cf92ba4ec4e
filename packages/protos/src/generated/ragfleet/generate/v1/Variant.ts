// Original file: protos/ragfleet/generate/v1/generate.proto


export interface Variant {
  'name'?: (string);
  'promptVersion'?: (string);
  'model'?: (string);
  'weight'?: (number | string);
}

export interface Variant__Output {
  'name': (string);
  'promptVersion': (string);
  'model': (string);
  'weight': (number);
}
