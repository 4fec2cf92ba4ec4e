// Original file: protos/ragfleet/router/v1/router.proto


export interface GetUsageRequest {
  'from'?: (string);
  'to'?: (string);
  'groupBy'?: (string);
}

export interface GetUsageRequest__Output {
  'from': (string);
  'to': (string);
  'groupBy': (string);
}
