// Original file: protos/ragfleet/recommend/v1/recommend.proto


export interface RecommendRequest {
  'subjectId'?: (string);
  'includeModel'?: (boolean);
  'limit'?: (number);
  'tier'?: (string);
}

export interface RecommendRequest__Output {
  'subjectId': (string);
  'includeModel': (boolean);
  'limit': (number);
  'tier': (string);
}
