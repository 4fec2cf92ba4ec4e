// Original file: protos/ragfleet/router/v1/router.proto


export interface SettleResponse {
  'costUsd'?: (number | string);
}

export interface SettleResponse__Output {
  'costUsd': (number);
}
