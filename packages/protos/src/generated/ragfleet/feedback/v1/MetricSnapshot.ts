// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { MetricCollection as _ragfleet_feedback_v1_MetricCollection, MetricCollection__Output as _ragfleet_feedback_v1_MetricCollection__Output } from '../../../ragfleet/feedback/v1/MetricCollection';

export interface MetricSnapshot {
  'observedAt'?: (string);
  'metrics'?: ({[key: string]: number | string});
  'collections'?: (_ragfleet_feedback_v1_MetricCollection)[];
}

export interface MetricSnapshot__Output {
  'observedAt': (string);
  'metrics': ({[key: string]: number});
  'collections': (_ragfleet_feedback_v1_MetricCollection__Output)[];
}
