// Original file: protos/ragfleet/generate/v1/generate.proto

import type { RetrievalSettings as _ragfleet_generate_v1_RetrievalSettings, RetrievalSettings__Output as _ragfleet_generate_v1_RetrievalSettings__Output } from '../../../ragfleet/generate/v1/RetrievalSettings';

export interface Variant {
  'name'?: (string);
  'promptVersion'?: (string);
  'model'?: (string);
  'weight'?: (number | string);
  'retrieval'?: (_ragfleet_generate_v1_RetrievalSettings | null);
}

export interface Variant__Output {
  'name': (string);
  'promptVersion': (string);
  'model': (string);
  'weight': (number);
  'retrieval': (_ragfleet_generate_v1_RetrievalSettings__Output | null);
}
