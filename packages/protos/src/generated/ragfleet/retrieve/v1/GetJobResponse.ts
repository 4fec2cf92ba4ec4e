// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { Job as _ragfleet_retrieve_v1_Job, Job__Output as _ragfleet_retrieve_v1_Job__Output } from '../../../ragfleet/retrieve/v1/Job';

export interface GetJobResponse {
  'job'?: (_ragfleet_retrieve_v1_Job | null);
}

export interface GetJobResponse__Output {
  'job': (_ragfleet_retrieve_v1_Job__Output | null);
}
