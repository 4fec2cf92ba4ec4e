// Original file: protos/ragfleet/generate/v1/generate.proto


export interface ListRolloutsRequest {
}

export interface ListRolloutsRequest__Output {
}
