// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { Subject as _ragfleet_feedback_v1_Subject, Subject__Output as _ragfleet_feedback_v1_Subject__Output } from '../../../ragfleet/feedback/v1/Subject';

export interface ListSubjectsResponse {
  'subjects'?: (_ragfleet_feedback_v1_Subject)[];
}

export interface ListSubjectsResponse__Output {
  'subjects': (_ragfleet_feedback_v1_Subject__Output)[];
}
