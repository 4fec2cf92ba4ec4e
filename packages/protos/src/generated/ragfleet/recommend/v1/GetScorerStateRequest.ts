// Original file: protos/ragfleet/recommend/v1/recommend.proto


export interface GetScorerStateRequest {
}

export interface GetScorerStateRequest__Output {
}
