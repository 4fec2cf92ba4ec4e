// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { Subject as _ragfleet_feedback_v1_Subject, Subject__Output as _ragfleet_feedback_v1_Subject__Output } from '../../../ragfleet/feedback/v1/Subject';

export interface CreateSubjectResponse {
  'subject'?: (_ragfleet_feedback_v1_Subject | null);
}

export interface CreateSubjectResponse__Output {
  'subject': (_ragfleet_feedback_v1_Subject__Output | null);
}
