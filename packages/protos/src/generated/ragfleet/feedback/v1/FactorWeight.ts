// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface FactorWeight {
  'name'?: (string);
  'weight'?: (number | string);
}

export interface FactorWeight__Output {
  'name': (string);
  'weight': (number);
}
