// Original file: protos/ragfleet/router/v1/router.proto


export interface ModelChoice {
  'provider'?: (string);
  'model'?: (string);
  'inputPricePerMtok'?: (number | string);
  'outputPricePerMtok'?: (number | string);
  'contextWindow'?: (number);
  'quality'?: (number | string);
  'typicalLatencyMs'?: (number);
}

export interface ModelChoice__Output {
  'provider': (string);
  'model': (string);
  'inputPricePerMtok': (number);
  'outputPricePerMtok': (number);
  'contextWindow': (number);
  'quality': (number);
  'typicalLatencyMs': (number);
}
