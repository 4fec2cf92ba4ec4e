// Original file: protos/ragfleet/generate/v1/generate.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ListPromptsRequest as _ragfleet_generate_v1_ListPromptsRequest, ListPromptsRequest__Output as _ragfleet_generate_v1_ListPromptsRequest__Output } from '../../../ragfleet/generate/v1/ListPromptsRequest';
import type { ListPromptsResponse as _ragfleet_generate_v1_ListPromptsResponse, ListPromptsResponse__Output as _ragfleet_generate_v1_ListPromptsResponse__Output } from '../../../ragfleet/generate/v1/ListPromptsResponse';

export interface PromptServiceClient extends grpc.Client {
  ListPrompts(argument: _ragfleet_generate_v1_ListPromptsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListPromptsResponse__Output>): grpc.ClientUnaryCall;
  ListPrompts(argument: _ragfleet_generate_v1_ListPromptsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_ListPromptsResponse__Output>): grpc.ClientUnaryCall;
  ListPrompts(argument: _ragfleet_generate_v1_ListPromptsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListPromptsResponse__Output>): grpc.ClientUnaryCall;
  ListPrompts(argument: _ragfleet_generate_v1_ListPromptsRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_ListPromptsResponse__Output>): grpc.ClientUnaryCall;
  listPrompts(argument: _ragfleet_generate_v1_ListPromptsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListPromptsResponse__Output>): grpc.ClientUnaryCall;
  listPrompts(argument: _ragfleet_generate_v1_ListPromptsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_ListPromptsResponse__Output>): grpc.ClientUnaryCall;
  listPrompts(argument: _ragfleet_generate_v1_ListPromptsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_ListPromptsResponse__Output>): grpc.ClientUnaryCall;
  listPrompts(argument: _ragfleet_generate_v1_ListPromptsRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_ListPromptsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface PromptServiceHandlers extends grpc.UntypedServiceImplementation {
  ListPrompts: grpc.handleUnaryCall<_ragfleet_generate_v1_ListPromptsRequest__Output, _ragfleet_generate_v1_ListPromptsResponse>;
  
}

export interface PromptServiceDefinition extends grpc.ServiceDefinition {
  ListPrompts: MethodDefinition<_ragfleet_generate_v1_ListPromptsRequest, _ragfleet_generate_v1_ListPromptsResponse, _ragfleet_generate_v1_ListPromptsRequest__Output, _ragfleet_generate_v1_ListPromptsResponse__Output>
}
