// Original file: protos/ragfleet/generate/v1/generate.proto

import type { PromptFamily as _ragfleet_generate_v1_PromptFamily, PromptFamily__Output as _ragfleet_generate_v1_PromptFamily__Output } from '../../../ragfleet/generate/v1/PromptFamily';

export interface ListPromptsResponse {
  'families'?: (_ragfleet_generate_v1_PromptFamily)[];
}

export interface ListPromptsResponse__Output {
  'families': (_ragfleet_generate_v1_PromptFamily__Output)[];
}
