// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Rollout as _ragfleet_generate_v1_Rollout, Rollout__Output as _ragfleet_generate_v1_Rollout__Output } from '../../../ragfleet/generate/v1/Rollout';

export interface ListRolloutsResponse {
  'rollouts'?: (_ragfleet_generate_v1_Rollout)[];
}

export interface ListRolloutsResponse__Output {
  'rollouts': (_ragfleet_generate_v1_Rollout__Output)[];
}
