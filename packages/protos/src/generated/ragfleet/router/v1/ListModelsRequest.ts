// Original file: protos/ragfleet/router/v1/router.proto


export interface ListModelsRequest {
}

export interface ListModelsRequest__Output {
}
