// Original file: protos/ragfleet/router/v1/router.proto


export interface SkippedModel {
  'provider'?: (string);
  'model'?: (string);
  'reason'?: (string);
}

export interface SkippedModel__Output {
  'provider': (string);
  'model': (string);
  'reason': (string);
}
