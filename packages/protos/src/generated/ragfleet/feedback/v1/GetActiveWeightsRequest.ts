// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface GetActiveWeightsRequest {
}

export interface GetActiveWeightsRequest__Output {
}
