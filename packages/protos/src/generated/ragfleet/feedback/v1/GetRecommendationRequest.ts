// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface GetRecommendationRequest {
  'id'?: (string);
}

export interface GetRecommendationRequest__Output {
  'id': (string);
}
