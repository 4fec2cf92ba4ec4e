// Original file: protos/ragfleet/generate/v1/generate.proto


export interface SpecialistResult {
  'specialist'?: (string);
  'ok'?: (boolean);
  'text'?: (string);
  'score'?: (number | string);
  'errorCode'?: (string);
  'errorMessage'?: (string);
  'latencyMs'?: (number | string);
  'model'?: (string);
  '_score'?: "score";
}

export interface SpecialistResult__Output {
  'specialist': (string);
  'ok': (boolean);
  'text': (string);
  'score'?: (number);
  'errorCode': (string);
  'errorMessage': (string);
  'latencyMs': (number);
  'model': (string);
  '_score'?: "score";
}
