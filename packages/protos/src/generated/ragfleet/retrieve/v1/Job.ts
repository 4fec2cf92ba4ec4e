// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type { JobState as _ragfleet_retrieve_v1_JobState, JobState__Output as _ragfleet_retrieve_v1_JobState__Output } from '../../../ragfleet/retrieve/v1/JobState';

export interface Job {
  'id'?: (string);
  'state'?: (_ragfleet_retrieve_v1_JobState);
  'documentIds'?: (string)[];
  'documentsDone'?: (number);
  'chunksIndexed'?: (number);
  'error'?: (string);
  'createdAt'?: (string);
  'updatedAt'?: (string);
  'errorCode'?: (string);
}

export interface Job__Output {
  'id': (string);
  'state': (_ragfleet_retrieve_v1_JobState__Output);
  'documentIds': (string)[];
  'documentsDone': (number);
  'chunksIndexed': (number);
  'error': (string);
  'createdAt': (string);
  'updatedAt': (string);
  'errorCode': (string);
}
