// Original file: protos/ragfleet/recommend/v1/recommend.proto


export interface RecommendStatus {
  'stage'?: (string);
  'message'?: (string);
}

export interface RecommendStatus__Output {
  'stage': (string);
  'message': (string);
}
