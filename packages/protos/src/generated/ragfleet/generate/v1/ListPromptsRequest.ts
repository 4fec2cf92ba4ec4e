// Original file: protos/ragfleet/generate/v1/generate.proto


export interface ListPromptsRequest {
}

export interface ListPromptsRequest__Output {
}
