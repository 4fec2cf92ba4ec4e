// Original file: protos/ragfleet/router/v1/router.proto


export interface ReserveResponse {
  'reservedUsd'?: (number | string);
  'expiresAt'?: (string);
}

export interface ReserveResponse__Output {
  'reservedUsd': (number);
  'expiresAt': (string);
}
