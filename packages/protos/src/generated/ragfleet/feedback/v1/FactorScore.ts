// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface FactorScore {
  'name'?: (string);
  'value'?: (number | string);
  'weight'?: (number | string);
  'hasInput'?: (boolean);
}

export interface FactorScore__Output {
  'name': (string);
  'value': (number);
  'weight': (number);
  'hasInput': (boolean);
}
