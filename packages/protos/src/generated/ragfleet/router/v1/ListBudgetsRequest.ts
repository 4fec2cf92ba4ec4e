// Original file: protos/ragfleet/router/v1/router.proto


export interface ListBudgetsRequest {
  'tenant'?: (string);
}

export interface ListBudgetsRequest__Output {
  'tenant': (string);
}
