// Original file: protos/ragfleet/generate/v1/generate.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateExperimentRequest as _ragfleet_generate_v1_CreateExperimentRequest, CreateExperimentRequest__Output as _ragfleet_generate_v1_CreateExperimentRequest__Output } from '../../../ragfleet/generate/v1/CreateExperimentRequest';
import type { CreateExperimentResponse as _ragfleet_generate_v1_CreateExperimentResponse, CreateExperimentResponse__Output as _ragfleet_generate_v1_CreateExperimentResponse__Output } from '../../../ragfleet/generate/v1/CreateExperimentResponse';
import type { GetExperimentRequest as _ragfleet_generate_v1_GetExperimentRequest, GetExperimentRequest__Output as _ragfleet_generate_v1_GetExperimentRequest__Output } from '../../../ragfleet/generate/v1/GetExperimentRequest';
import type { GetExperimentResponse as _ragfleet_generate_v1_GetExperimentResponse, GetExperimentResponse__Output as _ragfleet_generate_v1_GetExperimentResponse__Output } from '../../../ragfleet/generate/v1/GetExperimentResponse';
import type { GetShadowReportRequest as _ragfleet_generate_v1_GetShadowReportRequest, GetShadowReportRequest__Output as _ragfleet_generate_v1_GetShadowReportRequest__Output } from '../../../ragfleet/generate/v1/GetShadowReportRequest';
import type { GetShadowReportResponse as _ragfleet_generate_v1_GetShadowReportResponse, GetShadowReportResponse__Output as _ragfleet_generate_v1_GetShadowReportResponse__Output } from '../../../ragfleet/generate/v1/GetShadowReportResponse';
import type { ListExperimentsRequest as _ragfleet_generate_v1_ListExperimentsRequest, ListExperimentsRequest__Output as _ragfleet_generate_v1_ListExperimentsRequest__Output } from '../../../ragfleet/generate/v1/ListExperimentsRequest';
import type { ListExperimentsResponse as _ragfleet_generate_v1_ListExperimentsResponse, ListExperimentsResponse__Output as _ragfleet_generate_v1_ListExperimentsResponse__Output } from '../../../ragfleet/generate/v1/ListExperimentsResponse';
import type { StopExperimentRequest as _ragfleet_generate_v1_StopExperimentRequest, StopExperimentRequest__Output as _ragfleet_generate_v1_StopExperimentRequest__Output } from '../../../ragfleet/generate/v1/StopExperimentRequest';
import type { StopExperimentResponse as _ragfleet_generate_v1_StopExperimentResponse, StopExperimentResponse__Output as _ragfleet_generate_v1_StopExperimentResponse__Output } from '../../../ragfleet/generate/v1/StopExperimentResponse';

export interface ExperimentServiceClient extends grpc.Client {
  CreateExperiment(argument: _ragfleet_generate_v1_CreateExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  CreateExperiment(argument: _ragfleet_generate_v1_CreateExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  CreateExperiment(argument: _ragfleet_generate_v1_CreateExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  CreateExperiment(argument: _ragfleet_generate_v1_CreateExperimentRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  createExperiment(argument: _ragfleet_generate_v1_CreateExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  createExperiment(argument: _ragfleet_generate_v1_CreateExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  createExperiment(argument: _ragfleet_generate_v1_CreateExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  createExperiment(argument: _ragfleet_generate_v1_CreateExperimentRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateExperimentResponse__Output>): grpc.ClientUnaryCall;
  
  GetExperiment(argument: _ragfleet_generate_v1_GetExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _ragfleet_generate_v1_GetExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _ragfleet_generate_v1_GetExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  GetExperiment(argument: _ragfleet_generate_v1_GetExperimentRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _ragfleet_generate_v1_GetExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _ragfleet_generate_v1_GetExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _ragfleet_generate_v1_GetExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  getExperiment(argument: _ragfleet_generate_v1_GetExperimentRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_GetExperimentResponse__Output>): grpc.ClientUnaryCall;
  
  GetShadowReport(argument: _ragfleet_generate_v1_GetShadowReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetShadowReportResponse__Output>): grpc.ClientUnaryCall;
  GetShadowReport(argument: _ragfleet_generate_v1_GetShadowReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_GetShadowReportResponse__Output>): grpc.ClientUnaryCall;
  GetShadowReport(argument: _ragfleet_generate_v1_GetShadowReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetShadowReportResponse__Output>): grpc.ClientUnaryCall;
  GetShadowReport(argument: _ragfleet_generate_v1_GetShadowReportRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_GetShadowReportResponse__Output>): grpc.ClientUnaryCall;
  getShadowReport(argument: _ragfleet_generate_v1_GetShadowReportRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetShadowReportResponse__Output>): grpc.ClientUnaryCall;
  getShadowReport(argument: _ragfleet_generate_v1_GetShadowReportRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_GetShadowReportResponse__Output>): grpc.ClientUnaryCall;
  getShadowReport(argument: _ragfleet_generate_v1_GetShadowReportRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetShadowReportResponse__Output>): grpc.ClientUnaryCall;
  getShadowReport(argument: _ragfleet_generate_v1_GetShadowReportRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_GetShadowReportResponse__Output>): grpc.ClientUnaryCall;
  
  ListExperiments(argument: _ragfleet_generate_v1_ListExperimentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  ListExperiments(argument: _ragfleet_generate_v1_ListExperimentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  ListExperiments(argument: _ragfleet_generate_v1_ListExperimentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  ListExperiments(argument: _ragfleet_generate_v1_ListExperimentsRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  listExperiments(argument: _ragfleet_generate_v1_ListExperimentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  listExperiments(argument: _ragfleet_generate_v1_ListExperimentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  listExperiments(argument: _ragfleet_generate_v1_ListExperimentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  listExperiments(argument: _ragfleet_generate_v1_ListExperimentsRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_ListExperimentsResponse__Output>): grpc.ClientUnaryCall;
  
  StopExperiment(argument: _ragfleet_generate_v1_StopExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_StopExperimentResponse__Output>): grpc.ClientUnaryCall;
  StopExperiment(argument: _ragfleet_generate_v1_StopExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_StopExperimentResponse__Output>): grpc.ClientUnaryCall;
  StopExperiment(argument: _ragfleet_generate_v1_StopExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_StopExperimentResponse__Output>): grpc.ClientUnaryCall;
  StopExperiment(argument: _ragfleet_generate_v1_StopExperimentRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_StopExperimentResponse__Output>): grpc.ClientUnaryCall;
  stopExperiment(argument: _ragfleet_generate_v1_StopExperimentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_StopExperimentResponse__Output>): grpc.ClientUnaryCall;
  stopExperiment(argument: _ragfleet_generate_v1_StopExperimentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_StopExperimentResponse__Output>): grpc.ClientUnaryCall;
  stopExperiment(argument: _ragfleet_generate_v1_StopExperimentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_StopExperimentResponse__Output>): grpc.ClientUnaryCall;
  stopExperiment(argument: _ragfleet_generate_v1_StopExperimentRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_StopExperimentResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface ExperimentServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateExperiment: grpc.handleUnaryCall<_ragfleet_generate_v1_CreateExperimentRequest__Output, _ragfleet_generate_v1_CreateExperimentResponse>;
  
  GetExperiment: grpc.handleUnaryCall<_ragfleet_generate_v1_GetExperimentRequest__Output, _ragfleet_generate_v1_GetExperimentResponse>;
  
  GetShadowReport: grpc.handleUnaryCall<_ragfleet_generate_v1_GetShadowReportRequest__Output, _ragfleet_generate_v1_GetShadowReportResponse>;
  
  ListExperiments: grpc.handleUnaryCall<_ragfleet_generate_v1_ListExperimentsRequest__Output, _ragfleet_generate_v1_ListExperimentsResponse>;
  
  StopExperiment: grpc.handleUnaryCall<_ragfleet_generate_v1_StopExperimentRequest__Output, _ragfleet_generate_v1_StopExperimentResponse>;
  
}

export interface ExperimentServiceDefinition extends grpc.ServiceDefinition {
  CreateExperiment: MethodDefinition<_ragfleet_generate_v1_CreateExperimentRequest, _ragfleet_generate_v1_CreateExperimentResponse, _ragfleet_generate_v1_CreateExperimentRequest__Output, _ragfleet_generate_v1_CreateExperimentResponse__Output>
  GetExperiment: MethodDefinition<_ragfleet_generate_v1_GetExperimentRequest, _ragfleet_generate_v1_GetExperimentResponse, _ragfleet_generate_v1_GetExperimentRequest__Output, _ragfleet_generate_v1_GetExperimentResponse__Output>
  GetShadowReport: MethodDefinition<_ragfleet_generate_v1_GetShadowReportRequest, _ragfleet_generate_v1_GetShadowReportResponse, _ragfleet_generate_v1_GetShadowReportRequest__Output, _ragfleet_generate_v1_GetShadowReportResponse__Output>
  ListExperiments: MethodDefinition<_ragfleet_generate_v1_ListExperimentsRequest, _ragfleet_generate_v1_ListExperimentsResponse, _ragfleet_generate_v1_ListExperimentsRequest__Output, _ragfleet_generate_v1_ListExperimentsResponse__Output>
  StopExperiment: MethodDefinition<_ragfleet_generate_v1_StopExperimentRequest, _ragfleet_generate_v1_StopExperimentResponse, _ragfleet_generate_v1_StopExperimentRequest__Output, _ragfleet_generate_v1_StopExperimentResponse__Output>
}
