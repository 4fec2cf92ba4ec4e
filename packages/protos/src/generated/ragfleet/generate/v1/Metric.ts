// Original file: protos/ragfleet/generate/v1/generate.proto

export const Metric = {
  METRIC_UNSPECIFIED: 'METRIC_UNSPECIFIED',
  METRIC_THUMBS_UP_RATE: 'METRIC_THUMBS_UP_RATE',
  METRIC_ERROR_RATE: 'METRIC_ERROR_RATE',
  METRIC_COST_PER_ANSWER: 'METRIC_COST_PER_ANSWER',
  METRIC_LATENCY: 'METRIC_LATENCY',
} as const;

export type Metric =
  | 'METRIC_UNSPECIFIED'
  | 0
  | 'METRIC_THUMBS_UP_RATE'
  | 1
  | 'METRIC_ERROR_RATE'
  | 2
  | 'METRIC_COST_PER_ANSWER'
  | 3
  | 'METRIC_LATENCY'
  | 4

export type Metric__Output = typeof Metric[keyof typeof Metric]
