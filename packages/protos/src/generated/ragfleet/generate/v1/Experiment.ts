// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Variant as _ragfleet_generate_v1_Variant, Variant__Output as _ragfleet_generate_v1_Variant__Output } from '../../../ragfleet/generate/v1/Variant';
import type { Metric as _ragfleet_generate_v1_Metric, Metric__Output as _ragfleet_generate_v1_Metric__Output } from '../../../ragfleet/generate/v1/Metric';
import type { ExperimentState as _ragfleet_generate_v1_ExperimentState, ExperimentState__Output as _ragfleet_generate_v1_ExperimentState__Output } from '../../../ragfleet/generate/v1/ExperimentState';
import type { VariantResult as _ragfleet_generate_v1_VariantResult, VariantResult__Output as _ragfleet_generate_v1_VariantResult__Output } from '../../../ragfleet/generate/v1/VariantResult';

export interface Experiment {
  'id'?: (string);
  'name'?: (string);
  'family'?: (string);
  'variants'?: (_ragfleet_generate_v1_Variant)[];
  'metric'?: (_ragfleet_generate_v1_Metric);
  'minSamples'?: (number);
  'alpha'?: (number | string);
  'maxSamples'?: (number);
  'state'?: (_ragfleet_generate_v1_ExperimentState);
  'results'?: (_ragfleet_generate_v1_VariantResult)[];
  'winner'?: (string);
  'decision'?: (string);
  'createdAt'?: (string);
  'endedAt'?: (string);
}

export interface Experiment__Output {
  'id': (string);
  'name': (string);
  'family': (string);
  'variants': (_ragfleet_generate_v1_Variant__Output)[];
  'metric': (_ragfleet_generate_v1_Metric__Output);
  'minSamples': (number);
  'alpha': (number);
  'maxSamples': (number);
  'state': (_ragfleet_generate_v1_ExperimentState__Output);
  'results': (_ragfleet_generate_v1_VariantResult__Output)[];
  'winner': (string);
  'decision': (string);
  'createdAt': (string);
  'endedAt': (string);
}
