// Original file: protos/ragfleet/embed/v1/embed.proto

import type { ModelInfo as _ragfleet_embed_v1_ModelInfo, ModelInfo__Output as _ragfleet_embed_v1_ModelInfo__Output } from '../../../ragfleet/embed/v1/ModelInfo';

export interface ListModelsResponse {
  'models'?: (_ragfleet_embed_v1_ModelInfo)[];
}

export interface ListModelsResponse__Output {
  'models': (_ragfleet_embed_v1_ModelInfo__Output)[];
}
