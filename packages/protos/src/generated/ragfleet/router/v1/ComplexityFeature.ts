// Original file: protos/ragfleet/router/v1/router.proto


export interface ComplexityFeature {
  'name'?: (string);
  'value'?: (number | string);
  'contribution'?: (number | string);
}

export interface ComplexityFeature__Output {
  'name': (string);
  'value': (number);
  'contribution': (number);
}
