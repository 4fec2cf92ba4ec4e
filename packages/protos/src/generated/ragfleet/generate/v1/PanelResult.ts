// Original file: protos/ragfleet/generate/v1/generate.proto

import type { SpecialistResult as _ragfleet_generate_v1_SpecialistResult, SpecialistResult__Output as _ragfleet_generate_v1_SpecialistResult__Output } from '../../../ragfleet/generate/v1/SpecialistResult';

export interface PanelResult {
  'specialists'?: (_ragfleet_generate_v1_SpecialistResult)[];
  'elapsedMs'?: (number | string);
  'slowestMs'?: (number | string);
  'sumMs'?: (number | string);
}

export interface PanelResult__Output {
  'specialists': (_ragfleet_generate_v1_SpecialistResult__Output)[];
  'elapsedMs': (number);
  'slowestMs': (number);
  'sumMs': (number);
}
