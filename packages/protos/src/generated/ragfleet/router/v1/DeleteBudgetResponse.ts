// Original file: protos/ragfleet/router/v1/router.proto


export interface DeleteBudgetResponse {
  'deleted'?: (boolean);
}

export interface DeleteBudgetResponse__Output {
  'deleted': (boolean);
}
