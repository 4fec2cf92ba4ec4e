// Original file: protos/ragfleet/generate/v1/generate.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AbortRolloutRequest as _ragfleet_generate_v1_AbortRolloutRequest, AbortRolloutRequest__Output as _ragfleet_generate_v1_AbortRolloutRequest__Output } from '../../../ragfleet/generate/v1/AbortRolloutRequest';
import type { AbortRolloutResponse as _ragfleet_generate_v1_AbortRolloutResponse, AbortRolloutResponse__Output as _ragfleet_generate_v1_AbortRolloutResponse__Output } from '../../../ragfleet/generate/v1/AbortRolloutResponse';
import type { CreateRolloutRequest as _ragfleet_generate_v1_CreateRolloutRequest, CreateRolloutRequest__Output as _ragfleet_generate_v1_CreateRolloutRequest__Output } from '../../../ragfleet/generate/v1/CreateRolloutRequest';
import type { CreateRolloutResponse as _ragfleet_generate_v1_CreateRolloutResponse, CreateRolloutResponse__Output as _ragfleet_generate_v1_CreateRolloutResponse__Output } from '../../../ragfleet/generate/v1/CreateRolloutResponse';
import type { GetRolloutRequest as _ragfleet_generate_v1_GetRolloutRequest, GetRolloutRequest__Output as _ragfleet_generate_v1_GetRolloutRequest__Output } from '../../../ragfleet/generate/v1/GetRolloutRequest';
import type { GetRolloutResponse as _ragfleet_generate_v1_GetRolloutResponse, GetRolloutResponse__Output as _ragfleet_generate_v1_GetRolloutResponse__Output } from '../../../ragfleet/generate/v1/GetRolloutResponse';
import type { ListRolloutsRequest as _ragfleet_generate_v1_ListRolloutsRequest, ListRolloutsRequest__Output as _ragfleet_generate_v1_ListRolloutsRequest__Output } from '../../../ragfleet/generate/v1/ListRolloutsRequest';
import type { ListRolloutsResponse as _ragfleet_generate_v1_ListRolloutsResponse, ListRolloutsResponse__Output as _ragfleet_generate_v1_ListRolloutsResponse__Output } from '../../../ragfleet/generate/v1/ListRolloutsResponse';

export interface RolloutServiceClient extends grpc.Client {
  AbortRollout(argument: _ragfleet_generate_v1_AbortRolloutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_AbortRolloutResponse__Output>): grpc.ClientUnaryCall;
  AbortRollout(argument: _ragfleet_generate_v1_AbortRolloutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_AbortRolloutResponse__Output>): grpc.ClientUnaryCall;
  AbortRollout(argument: _ragfleet_generate_v1_AbortRolloutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_AbortRolloutResponse__Output>): grpc.ClientUnaryCall;
  AbortRollout(argument: _ragfleet_generate_v1_AbortRolloutRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_AbortRolloutResponse__Output>): grpc.ClientUnaryCall;
  abortRollout(argument: _ragfleet_generate_v1_AbortRolloutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_AbortRolloutResponse__Output>): grpc.ClientUnaryCall;
  abortRollout(argument: _ragfleet_generate_v1_AbortRolloutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_AbortRolloutResponse__Output>): grpc.ClientUnaryCall;
  abortRollout(argument: _ragfleet_generate_v1_AbortRolloutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_AbortRolloutResponse__Output>): grpc.ClientUnaryCall;
  abortRollout(argument: _ragfleet_generate_v1_AbortRolloutRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_AbortRolloutResponse__Output>): grpc.ClientUnaryCall;
  
  CreateRollout(argument: _ragfleet_generate_v1_CreateRolloutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateRolloutResponse__Output>): grpc.ClientUnaryCall;
  CreateRollout(argument: _ragfleet_generate_v1_CreateRolloutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateRolloutResponse__Output>): grpc.ClientUnaryCall;
  CreateRollout(argument: _ragfleet_generate_v1_CreateRolloutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateRolloutResponse__Output>): grpc.ClientUnaryCall;
  CreateRollout(argument: _ragfleet_generate_v1_CreateRolloutRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateRolloutResponse__Output>): grpc.ClientUnaryCall;
  createRollout(argument: _ragfleet_generate_v1_CreateRolloutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateRolloutResponse__Output>): grpc.ClientUnaryCall;
  createRollout(argument: _ragfleet_generate_v1_CreateRolloutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateRolloutResponse__Output>): grpc.ClientUnaryCall;
  createRollout(argument: _ragfleet_generate_v1_CreateRolloutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateRolloutResponse__Output>): grpc.ClientUnaryCall;
  createRollout(argument: _ragfleet_generate_v1_CreateRolloutRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_CreateRolloutResponse__Output>): grpc.ClientUnaryCall;
  
  GetRollout(argument: _ragfleet_generate_v1_GetRolloutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetRolloutResponse__Output>): grpc.ClientUnaryCall;
  GetRollout(argument: _ragfleet_generate_v1_GetRolloutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_GetRolloutResponse__Output>): grpc.ClientUnaryCall;
  GetRollout(argument: _ragfleet_generate_v1_GetRolloutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetRolloutResponse__Output>): grpc.ClientUnaryCall;
  GetRollout(argument: _ragfleet_generate_v1_GetRolloutRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_GetRolloutResponse__Output>): grpc.ClientUnaryCall;
  getRollout(argument: _ragfleet_generate_v1_GetRolloutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetRolloutResponse__Output>): grpc.ClientUnaryCall;
  getRollout(argument: _ragfleet_generate_v1_GetRolloutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_GetRolloutResponse__Output>): grpc.ClientUnaryCall;
  getRollout(argument: _ragfleet_generate_v1_GetRolloutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_GetRolloutResponse__Output>): grpc.ClientUnaryCall;
  getRollout(argument: _ragfleet_generate_v1_GetRolloutRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_GetRolloutResponse__Output>): grpc.ClientUnaryCall;
  
  ListRollouts(argument: _ragfleet_generate_v1_ListRolloutsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListRolloutsResponse__Output>): grpc.ClientUnaryCall;
  ListRollouts(argument: _ragfleet_generate_v1_ListRolloutsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_ListRolloutsResponse__Output>): grpc.ClientUnaryCall;
  ListRollouts(argument: _ragfleet_generate_v1_ListRolloutsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListRolloutsResponse__Output>): grpc.ClientUnaryCall;
  ListRollouts(argument: _ragfleet_generate_v1_ListRolloutsRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_ListRolloutsResponse__Output>): grpc.ClientUnaryCall;
  listRollouts(argument: _ragfleet_generate_v1_ListRolloutsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListRolloutsResponse__Output>): grpc.ClientUnaryCall;
  listRollouts(argument: _ragfleet_generate_v1_ListRolloutsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_ListRolloutsResponse__Output>): grpc.ClientUnaryCall;
  listRollouts(argument: _ragfleet_generate_v1_ListRolloutsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListRolloutsResponse__Output>): grpc.ClientUnaryCall;
  listRollouts(argument: _ragfleet_generate_v1_ListRolloutsRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_ListRolloutsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface RolloutServiceHandlers extends grpc.UntypedServiceImplementation {
  AbortRollout: grpc.handleUnaryCall<_ragfleet_generate_v1_AbortRolloutRequest__Output, _ragfleet_generate_v1_AbortRolloutResponse>;
  
  CreateRollout: grpc.handleUnaryCall<_ragfleet_generate_v1_CreateRolloutRequest__Output, _ragfleet_generate_v1_CreateRolloutResponse>;
  
  GetRollout: grpc.handleUnaryCall<_ragfleet_generate_v1_GetRolloutRequest__Output, _ragfleet_generate_v1_GetRolloutResponse>;
  
  ListRollouts: grpc.handleUnaryCall<_ragfleet_generate_v1_ListRolloutsRequest__Output, _ragfleet_generate_v1_ListRolloutsResponse>;
  
}

export interface RolloutServiceDefinition extends grpc.ServiceDefinition {
  AbortRollout: MethodDefinition<_ragfleet_generate_v1_AbortRolloutRequest, _ragfleet_generate_v1_AbortRolloutResponse, _ragfleet_generate_v1_AbortRolloutRequest__Output, _ragfleet_generate_v1_AbortRolloutResponse__Output>
  CreateRollout: MethodDefinition<_ragfleet_generate_v1_CreateRolloutRequest, _ragfleet_generate_v1_CreateRolloutResponse, _ragfleet_generate_v1_CreateRolloutRequest__Output, _ragfleet_generate_v1_CreateRolloutResponse__Output>
  GetRollout: MethodDefinition<_ragfleet_generate_v1_GetRolloutRequest, _ragfleet_generate_v1_GetRolloutResponse, _ragfleet_generate_v1_GetRolloutRequest__Output, _ragfleet_generate_v1_GetRolloutResponse__Output>
  ListRollouts: MethodDefinition<_ragfleet_generate_v1_ListRolloutsRequest, _ragfleet_generate_v1_ListRolloutsResponse, _ragfleet_generate_v1_ListRolloutsRequest__Output, _ragfleet_generate_v1_ListRolloutsResponse__Output>
}
