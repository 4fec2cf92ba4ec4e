// Original file: protos/ragfleet/embed/v1/embed.proto


export interface ListModelsRequest {
}

export interface ListModelsRequest__Output {
}
