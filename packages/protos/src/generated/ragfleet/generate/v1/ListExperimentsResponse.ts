// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Experiment as _ragfleet_generate_v1_Experiment, Experiment__Output as _ragfleet_generate_v1_Experiment__Output } from '../../../ragfleet/generate/v1/Experiment';

export interface ListExperimentsResponse {
  'experiments'?: (_ragfleet_generate_v1_Experiment)[];
}

export interface ListExperimentsResponse__Output {
  'experiments': (_ragfleet_generate_v1_Experiment__Output)[];
}
