// Original file: protos/ragfleet/generate/v1/generate.proto


export interface Done {
  'provider'?: (string);
  'model'?: (string);
  'finishReason'?: (string);
  'promptVersion'?: (string);
  'timeToFirstTokenMs'?: (number);
}

export interface Done__Output {
  'provider': (string);
  'model': (string);
  'finishReason': (string);
  'promptVersion': (string);
  'timeToFirstTokenMs': (number);
}
