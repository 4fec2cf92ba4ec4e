// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Experiment as _ragfleet_generate_v1_Experiment, Experiment__Output as _ragfleet_generate_v1_Experiment__Output } from '../../../ragfleet/generate/v1/Experiment';

export interface CreateExperimentResponse {
  'experiment'?: (_ragfleet_generate_v1_Experiment | null);
}

export interface CreateExperimentResponse__Output {
  'experiment': (_ragfleet_generate_v1_Experiment__Output | null);
}
