// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Citation as _ragfleet_generate_v1_Citation, Citation__Output as _ragfleet_generate_v1_Citation__Output } from '../../../ragfleet/generate/v1/Citation';

export interface SuggestResponse {
  'text'?: (string);
  'citations'?: (_ragfleet_generate_v1_Citation)[];
  'promptVersion'?: (string);
  'provider'?: (string);
  'model'?: (string);
  'inputTokens'?: (number);
  'outputTokens'?: (number);
  'extractive'?: (boolean);
  'costUsd'?: (number | string);
}

export interface SuggestResponse__Output {
  'text': (string);
  'citations': (_ragfleet_generate_v1_Citation__Output)[];
  'promptVersion': (string);
  'provider': (string);
  'model': (string);
  'inputTokens': (number);
  'outputTokens': (number);
  'extractive': (boolean);
  'costUsd': (number);
}
