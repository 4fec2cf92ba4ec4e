// Original file: protos/ragfleet/retrieve/v1/retrieve.proto


export interface RollbackIndexVersionRequest {
}

export interface RollbackIndexVersionRequest__Output {
}
