// Original file: protos/ragfleet/embed/v1/embed.proto


export interface ModelInfo {
  'name'?: (string);
  'provider'?: (string);
  'dimensions'?: (number);
  'isDefault'?: (boolean);
}

export interface ModelInfo__Output {
  'name': (string);
  'provider': (string);
  'dimensions': (number);
  'isDefault': (boolean);
}
