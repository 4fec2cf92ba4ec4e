// Original file: protos/ragfleet/recommend/v1/recommend.proto


export interface RecommendComplete {
  'total'?: (number);
  'weightsVersion'?: (string);
  'rulePackVersion'?: (string);
  'elapsedMs'?: (number | string);
}

export interface RecommendComplete__Output {
  'total': (number);
  'weightsVersion': (string);
  'rulePackVersion': (string);
  'elapsedMs': (number);
}
