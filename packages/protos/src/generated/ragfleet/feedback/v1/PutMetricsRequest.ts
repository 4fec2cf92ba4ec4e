// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { MetricSnapshot as _ragfleet_feedback_v1_MetricSnapshot, MetricSnapshot__Output as _ragfleet_feedback_v1_MetricSnapshot__Output } from '../../../ragfleet/feedback/v1/MetricSnapshot';

export interface PutMetricsRequest {
  'subjectId'?: (string);
  'snapshot'?: (_ragfleet_feedback_v1_MetricSnapshot | null);
}

export interface PutMetricsRequest__Output {
  'subjectId': (string);
  'snapshot': (_ragfleet_feedback_v1_MetricSnapshot__Output | null);
}
