// Original file: protos/ragfleet/session/v1/session.proto


export interface GetStatsRequest {
}

export interface GetStatsRequest__Output {
}
