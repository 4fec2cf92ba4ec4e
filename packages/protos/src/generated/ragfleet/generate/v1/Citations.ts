// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Citation as _ragfleet_generate_v1_Citation, Citation__Output as _ragfleet_generate_v1_Citation__Output } from '../../../ragfleet/generate/v1/Citation';

export interface Citations {
  'citations'?: (_ragfleet_generate_v1_Citation)[];
}

export interface Citations__Output {
  'citations': (_ragfleet_generate_v1_Citation__Output)[];
}
