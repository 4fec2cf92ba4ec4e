// Original file: protos/ragfleet/recommend/v1/recommend.proto


export interface SubjectContext {
  'health'?: (number | string);
  'networkConditions'?: (number | string);
  'metricCompleteness'?: (number | string);
  '_health'?: "health";
  '_networkConditions'?: "networkConditions";
  '_metricCompleteness'?: "metricCompleteness";
}

export interface SubjectContext__Output {
  'health'?: (number);
  'networkConditions'?: (number);
  'metricCompleteness'?: (number);
  '_health'?: "health";
  '_networkConditions'?: "networkConditions";
  '_metricCompleteness'?: "metricCompleteness";
}
