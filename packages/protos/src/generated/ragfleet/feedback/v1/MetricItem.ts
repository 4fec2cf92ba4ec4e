// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface MetricItem {
  'id'?: (string);
  'metrics'?: ({[key: string]: number | string});
}

export interface MetricItem__Output {
  'id': (string);
  'metrics': ({[key: string]: number});
}
