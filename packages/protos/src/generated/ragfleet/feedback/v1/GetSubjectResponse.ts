// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { Subject as _ragfleet_feedback_v1_Subject, Subject__Output as _ragfleet_feedback_v1_Subject__Output } from '../../../ragfleet/feedback/v1/Subject';
import type { MetricSnapshot as _ragfleet_feedback_v1_MetricSnapshot, MetricSnapshot__Output as _ragfleet_feedback_v1_MetricSnapshot__Output } from '../../../ragfleet/feedback/v1/MetricSnapshot';

export interface GetSubjectResponse {
  'subject'?: (_ragfleet_feedback_v1_Subject | null);
  'latest'?: (_ragfleet_feedback_v1_MetricSnapshot | null);
}

export interface GetSubjectResponse__Output {
  'subject': (_ragfleet_feedback_v1_Subject__Output | null);
  'latest': (_ragfleet_feedback_v1_MetricSnapshot__Output | null);
}
