// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Variant as _ragfleet_generate_v1_Variant, Variant__Output as _ragfleet_generate_v1_Variant__Output } from '../../../ragfleet/generate/v1/Variant';
import type { Metric as _ragfleet_generate_v1_Metric, Metric__Output as _ragfleet_generate_v1_Metric__Output } from '../../../ragfleet/generate/v1/Metric';

export interface CreateExperimentRequest {
  'name'?: (string);
  'family'?: (string);
  'variants'?: (_ragfleet_generate_v1_Variant)[];
  'metric'?: (_ragfleet_generate_v1_Metric);
  'minSamples'?: (number);
  'alpha'?: (number | string);
  'maxSamples'?: (number);
}

export interface CreateExperimentRequest__Output {
  'name': (string);
  'family': (string);
  'variants': (_ragfleet_generate_v1_Variant__Output)[];
  'metric': (_ragfleet_generate_v1_Metric__Output);
  'minSamples': (number);
  'alpha': (number);
  'maxSamples': (number);
}
