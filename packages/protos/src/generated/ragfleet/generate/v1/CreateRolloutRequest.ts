// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Variant as _ragfleet_generate_v1_Variant, Variant__Output as _ragfleet_generate_v1_Variant__Output } from '../../../ragfleet/generate/v1/Variant';
import type { RolloutStage as _ragfleet_generate_v1_RolloutStage, RolloutStage__Output as _ragfleet_generate_v1_RolloutStage__Output } from '../../../ragfleet/generate/v1/RolloutStage';

export interface CreateRolloutRequest {
  'family'?: (string);
  'candidate'?: (_ragfleet_generate_v1_Variant | null);
  'stages'?: (_ragfleet_generate_v1_RolloutStage)[];
  'maxErrorRate'?: (number | string);
  'minQuality'?: (number | string);
  'minRated'?: (number);
  'minRecall'?: (number | string);
}

export interface CreateRolloutRequest__Output {
  'family': (string);
  'candidate': (_ragfleet_generate_v1_Variant__Output | null);
  'stages': (_ragfleet_generate_v1_RolloutStage__Output)[];
  'maxErrorRate': (number);
  'minQuality': (number);
  'minRated': (number);
  'minRecall': (number);
}
