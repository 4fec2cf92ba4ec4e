// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { MetricItem as _ragfleet_feedback_v1_MetricItem, MetricItem__Output as _ragfleet_feedback_v1_MetricItem__Output } from '../../../ragfleet/feedback/v1/MetricItem';

export interface MetricCollection {
  'scope'?: (string);
  'items'?: (_ragfleet_feedback_v1_MetricItem)[];
}

export interface MetricCollection__Output {
  'scope': (string);
  'items': (_ragfleet_feedback_v1_MetricItem__Output)[];
}
