// Original file: protos/ragfleet/generate/v1/generate.proto


export interface GetShadowReportRequest {
}

export interface GetShadowReportRequest__Output {
}
