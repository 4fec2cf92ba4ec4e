// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface Subject {
  'id'?: (string);
  'pack'?: (string);
  'name'?: (string);
  'labels'?: ({[key: string]: string});
  'createdAt'?: (string);
  'metricsObservedAt'?: (string);
  'snapshotCount'?: (number);
}

export interface Subject__Output {
  'id': (string);
  'pack': (string);
  'name': (string);
  'labels': ({[key: string]: string});
  'createdAt': (string);
  'metricsObservedAt': (string);
  'snapshotCount': (number);
}
