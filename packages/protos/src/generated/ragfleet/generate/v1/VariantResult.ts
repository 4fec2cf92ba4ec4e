// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Long } from '@grpc/proto-loader';

export interface VariantResult {
  'variant'?: (string);
  'answers'?: (number | string | Long);
  'errors'?: (number | string | Long);
  'rated'?: (number | string | Long);
  'thumbsUp'?: (number | string | Long);
  'costUsdTotal'?: (number | string);
  'latencyMsTotal'?: (number | string);
  'value'?: (number | string);
  'ciLow'?: (number | string);
  'ciHigh'?: (number | string);
}

export interface VariantResult__Output {
  'variant': (string);
  'answers': (string);
  'errors': (string);
  'rated': (string);
  'thumbsUp': (string);
  'costUsdTotal': (number);
  'latencyMsTotal': (number);
  'value': (number);
  'ciLow': (number);
  'ciHigh': (number);
}
