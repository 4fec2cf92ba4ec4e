// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { FitWeightsRequest as _ragfleet_feedback_v1_FitWeightsRequest, FitWeightsRequest__Output as _ragfleet_feedback_v1_FitWeightsRequest__Output } from '../../../ragfleet/feedback/v1/FitWeightsRequest';
import type { FitWeightsResponse as _ragfleet_feedback_v1_FitWeightsResponse, FitWeightsResponse__Output as _ragfleet_feedback_v1_FitWeightsResponse__Output } from '../../../ragfleet/feedback/v1/FitWeightsResponse';
import type { GetActiveWeightsRequest as _ragfleet_feedback_v1_GetActiveWeightsRequest, GetActiveWeightsRequest__Output as _ragfleet_feedback_v1_GetActiveWeightsRequest__Output } from '../../../ragfleet/feedback/v1/GetActiveWeightsRequest';
import type { GetActiveWeightsResponse as _ragfleet_feedback_v1_GetActiveWeightsResponse, GetActiveWeightsResponse__Output as _ragfleet_feedback_v1_GetActiveWeightsResponse__Output } from '../../../ragfleet/feedback/v1/GetActiveWeightsResponse';
import type { ListWeightsRequest as _ragfleet_feedback_v1_ListWeightsRequest, ListWeightsRequest__Output as _ragfleet_feedback_v1_ListWeightsRequest__Output } from '../../../ragfleet/feedback/v1/ListWeightsRequest';
import type { ListWeightsResponse as _ragfleet_feedback_v1_ListWeightsResponse, ListWeightsResponse__Output as _ragfleet_feedback_v1_ListWeightsResponse__Output } from '../../../ragfleet/feedback/v1/ListWeightsResponse';
import type { RollbackWeightsRequest as _ragfleet_feedback_v1_RollbackWeightsRequest, RollbackWeightsRequest__Output as _ragfleet_feedback_v1_RollbackWeightsRequest__Output } from '../../../ragfleet/feedback/v1/RollbackWeightsRequest';
import type { RollbackWeightsResponse as _ragfleet_feedback_v1_RollbackWeightsResponse, RollbackWeightsResponse__Output as _ragfleet_feedback_v1_RollbackWeightsResponse__Output } from '../../../ragfleet/feedback/v1/RollbackWeightsResponse';

export interface WeightsServiceClient extends grpc.Client {
  FitWeights(argument: _ragfleet_feedback_v1_FitWeightsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_FitWeightsResponse__Output>): grpc.ClientUnaryCall;
  FitWeights(argument: _ragfleet_feedback_v1_FitWeightsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_FitWeightsResponse__Output>): grpc.ClientUnaryCall;
  FitWeights(argument: _ragfleet_feedback_v1_FitWeightsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_FitWeightsResponse__Output>): grpc.ClientUnaryCall;
  FitWeights(argument: _ragfleet_feedback_v1_FitWeightsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_FitWeightsResponse__Output>): grpc.ClientUnaryCall;
  fitWeights(argument: _ragfleet_feedback_v1_FitWeightsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_FitWeightsResponse__Output>): grpc.ClientUnaryCall;
  fitWeights(argument: _ragfleet_feedback_v1_FitWeightsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_FitWeightsResponse__Output>): grpc.ClientUnaryCall;
  fitWeights(argument: _ragfleet_feedback_v1_FitWeightsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_FitWeightsResponse__Output>): grpc.ClientUnaryCall;
  fitWeights(argument: _ragfleet_feedback_v1_FitWeightsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_FitWeightsResponse__Output>): grpc.ClientUnaryCall;
  
  GetActiveWeights(argument: _ragfleet_feedback_v1_GetActiveWeightsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetActiveWeightsResponse__Output>): grpc.ClientUnaryCall;
  GetActiveWeights(argument: _ragfleet_feedback_v1_GetActiveWeightsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetActiveWeightsResponse__Output>): grpc.ClientUnaryCall;
  GetActiveWeights(argument: _ragfleet_feedback_v1_GetActiveWeightsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetActiveWeightsResponse__Output>): grpc.ClientUnaryCall;
  GetActiveWeights(argument: _ragfleet_feedback_v1_GetActiveWeightsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetActiveWeightsResponse__Output>): grpc.ClientUnaryCall;
  getActiveWeights(argument: _ragfleet_feedback_v1_GetActiveWeightsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetActiveWeightsResponse__Output>): grpc.ClientUnaryCall;
  getActiveWeights(argument: _ragfleet_feedback_v1_GetActiveWeightsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetActiveWeightsResponse__Output>): grpc.ClientUnaryCall;
  getActiveWeights(argument: _ragfleet_feedback_v1_GetActiveWeightsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetActiveWeightsResponse__Output>): grpc.ClientUnaryCall;
  getActiveWeights(argument: _ragfleet_feedback_v1_GetActiveWeightsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetActiveWeightsResponse__Output>): grpc.ClientUnaryCall;
  
  ListWeights(argument: _ragfleet_feedback_v1_ListWeightsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListWeightsResponse__Output>): grpc.ClientUnaryCall;
  ListWeights(argument: _ragfleet_feedback_v1_ListWeightsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListWeightsResponse__Output>): grpc.ClientUnaryCall;
  ListWeights(argument: _ragfleet_feedback_v1_ListWeightsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListWeightsResponse__Output>): grpc.ClientUnaryCall;
  ListWeights(argument: _ragfleet_feedback_v1_ListWeightsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListWeightsResponse__Output>): grpc.ClientUnaryCall;
  listWeights(argument: _ragfleet_feedback_v1_ListWeightsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListWeightsResponse__Output>): grpc.ClientUnaryCall;
  listWeights(argument: _ragfleet_feedback_v1_ListWeightsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListWeightsResponse__Output>): grpc.ClientUnaryCall;
  listWeights(argument: _ragfleet_feedback_v1_ListWeightsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListWeightsResponse__Output>): grpc.ClientUnaryCall;
  listWeights(argument: _ragfleet_feedback_v1_ListWeightsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListWeightsResponse__Output>): grpc.ClientUnaryCall;
  
  RollbackWeights(argument: _ragfleet_feedback_v1_RollbackWeightsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RollbackWeightsResponse__Output>): grpc.ClientUnaryCall;
  RollbackWeights(argument: _ragfleet_feedback_v1_RollbackWeightsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_RollbackWeightsResponse__Output>): grpc.ClientUnaryCall;
  RollbackWeights(argument: _ragfleet_feedback_v1_RollbackWeightsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RollbackWeightsResponse__Output>): grpc.ClientUnaryCall;
  RollbackWeights(argument: _ragfleet_feedback_v1_RollbackWeightsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_RollbackWeightsResponse__Output>): grpc.ClientUnaryCall;
  rollbackWeights(argument: _ragfleet_feedback_v1_RollbackWeightsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RollbackWeightsResponse__Output>): grpc.ClientUnaryCall;
  rollbackWeights(argument: _ragfleet_feedback_v1_RollbackWeightsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_RollbackWeightsResponse__Output>): grpc.ClientUnaryCall;
  rollbackWeights(argument: _ragfleet_feedback_v1_RollbackWeightsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RollbackWeightsResponse__Output>): grpc.ClientUnaryCall;
  rollbackWeights(argument: _ragfleet_feedback_v1_RollbackWeightsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_RollbackWeightsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface WeightsServiceHandlers extends grpc.UntypedServiceImplementation {
  FitWeights: grpc.handleUnaryCall<_ragfleet_feedback_v1_FitWeightsRequest__Output, _ragfleet_feedback_v1_FitWeightsResponse>;
  
  GetActiveWeights: grpc.handleUnaryCall<_ragfleet_feedback_v1_GetActiveWeightsRequest__Output, _ragfleet_feedback_v1_GetActiveWeightsResponse>;
  
  ListWeights: grpc.handleUnaryCall<_ragfleet_feedback_v1_ListWeightsRequest__Output, _ragfleet_feedback_v1_ListWeightsResponse>;
  
  RollbackWeights: grpc.handleUnaryCall<_ragfleet_feedback_v1_RollbackWeightsRequest__Output, _ragfleet_feedback_v1_RollbackWeightsResponse>;
  
}

export interface WeightsServiceDefinition extends grpc.ServiceDefinition {
  FitWeights: MethodDefinition<_ragfleet_feedback_v1_FitWeightsRequest, _ragfleet_feedback_v1_FitWeightsResponse, _ragfleet_feedback_v1_FitWeightsRequest__Output, _ragfleet_feedback_v1_FitWeightsResponse__Output>
  GetActiveWeights: MethodDefinition<_ragfleet_feedback_v1_GetActiveWeightsRequest, _ragfleet_feedback_v1_GetActiveWeightsResponse, _ragfleet_feedback_v1_GetActiveWeightsRequest__Output, _ragfleet_feedback_v1_GetActiveWeightsResponse__Output>
  ListWeights: MethodDefinition<_ragfleet_feedback_v1_ListWeightsRequest, _ragfleet_feedback_v1_ListWeightsResponse, _ragfleet_feedback_v1_ListWeightsRequest__Output, _ragfleet_feedback_v1_ListWeightsResponse__Output>
  RollbackWeights: MethodDefinition<_ragfleet_feedback_v1_RollbackWeightsRequest, _ragfleet_feedback_v1_RollbackWeightsResponse, _ragfleet_feedback_v1_RollbackWeightsRequest__Output, _ragfleet_feedback_v1_RollbackWeightsResponse__Output>
}
