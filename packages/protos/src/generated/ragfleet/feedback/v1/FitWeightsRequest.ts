// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface FitWeightsRequest {
}

export interface FitWeightsRequest__Output {
}
