// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface ListIndexVersionsRequest {
}

export interface ListIndexVersionsRequest__Output {
}
