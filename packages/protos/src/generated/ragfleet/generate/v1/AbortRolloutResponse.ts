// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Rollout as _ragfleet_generate_v1_Rollout, Rollout__Output as _ragfleet_generate_v1_Rollout__Output } from '../../../ragfleet/generate/v1/Rollout';

export interface AbortRolloutResponse {
  'rollout'?: (_ragfleet_generate_v1_Rollout | null);
}

export interface AbortRolloutResponse__Output {
  'rollout': (_ragfleet_generate_v1_Rollout__Output | null);
}
