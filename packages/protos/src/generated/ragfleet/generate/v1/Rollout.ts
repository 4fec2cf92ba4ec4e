// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Variant as _ragfleet_generate_v1_Variant, Variant__Output as _ragfleet_generate_v1_Variant__Output } from '../../../ragfleet/generate/v1/Variant';
import type { RolloutStage as _ragfleet_generate_v1_RolloutStage, RolloutStage__Output as _ragfleet_generate_v1_RolloutStage__Output } from '../../../ragfleet/generate/v1/RolloutStage';
import type { RolloutState as _ragfleet_generate_v1_RolloutState, RolloutState__Output as _ragfleet_generate_v1_RolloutState__Output } from '../../../ragfleet/generate/v1/RolloutState';
import type { VariantResult as _ragfleet_generate_v1_VariantResult, VariantResult__Output as _ragfleet_generate_v1_VariantResult__Output } from '../../../ragfleet/generate/v1/VariantResult';

export interface Rollout {
  'id'?: (string);
  'family'?: (string);
  'candidate'?: (_ragfleet_generate_v1_Variant | null);
  'stages'?: (_ragfleet_generate_v1_RolloutStage)[];
  'stage'?: (number);
  'state'?: (_ragfleet_generate_v1_RolloutState);
  'maxErrorRate'?: (number | string);
  'minQuality'?: (number | string);
  'minRated'?: (number);
  'current'?: (_ragfleet_generate_v1_VariantResult | null);
  'reason'?: (string);
  'createdAt'?: (string);
  'stageStartedAt'?: (string);
  'endedAt'?: (string);
  'minRecall'?: (number | string);
  'recallAt_5'?: (number | string);
  '_recallAt_5'?: "recallAt_5";
}

export interface Rollout__Output {
  'id': (string);
  'family': (string);
  'candidate': (_ragfleet_generate_v1_Variant__Output | null);
  'stages': (_ragfleet_generate_v1_RolloutStage__Output)[];
  'stage': (number);
  'state': (_ragfleet_generate_v1_RolloutState__Output);
  'maxErrorRate': (number);
  'minQuality': (number);
  'minRated': (number);
  'current': (_ragfleet_generate_v1_VariantResult__Output | null);
  'reason': (string);
  'createdAt': (string);
  'stageStartedAt': (string);
  'endedAt': (string);
  'minRecall': (number);
  'recallAt_5'?: (number);
  '_recallAt_5'?: "recallAt_5";
}
