// Original file: protos/ragfleet/generate/v1/generate.proto


export interface ListExperimentsRequest {
}

export interface ListExperimentsRequest__Output {
}
