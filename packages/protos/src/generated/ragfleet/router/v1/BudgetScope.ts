// Original file: protos/ragfleet/router/v1/router.proto


export interface BudgetScope {
  'tenant'?: (string);
  'kind'?: (string);
  'id'?: (string);
}

export interface BudgetScope__Output {
  'tenant': (string);
  'kind': (string);
  'id': (string);
}
