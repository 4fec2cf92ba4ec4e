// Original file: protos/ragfleet/generate/v1/generate.proto

import type { PromptVersion as _ragfleet_generate_v1_PromptVersion, PromptVersion__Output as _ragfleet_generate_v1_PromptVersion__Output } from '../../../ragfleet/generate/v1/PromptVersion';

export interface PromptFamily {
  'name'?: (string);
  'versions'?: (_ragfleet_generate_v1_PromptVersion)[];
  'defaultVersion'?: (string);
  'defaultSource'?: (string);
}

export interface PromptFamily__Output {
  'name': (string);
  'versions': (_ragfleet_generate_v1_PromptVersion__Output)[];
  'defaultVersion': (string);
  'defaultSource': (string);
}
