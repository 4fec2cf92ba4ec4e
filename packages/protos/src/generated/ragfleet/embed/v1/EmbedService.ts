// Original file: protos/ragfleet/embed/v1/embed.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { EmbedRequest as _ragfleet_embed_v1_EmbedRequest, EmbedRequest__Output as _ragfleet_embed_v1_EmbedRequest__Output } from '../../../ragfleet/embed/v1/EmbedRequest';
import type { EmbedResponse as _ragfleet_embed_v1_EmbedResponse, EmbedResponse__Output as _ragfleet_embed_v1_EmbedResponse__Output } from '../../../ragfleet/embed/v1/EmbedResponse';
import type { ListModelsRequest as _ragfleet_embed_v1_ListModelsRequest, ListModelsRequest__Output as _ragfleet_embed_v1_ListModelsRequest__Output } from '../../../ragfleet/embed/v1/ListModelsRequest';
import type { ListModelsResponse as _ragfleet_embed_v1_ListModelsResponse, ListModelsResponse__Output as _ragfleet_embed_v1_ListModelsResponse__Output } from '../../../ragfleet/embed/v1/ListModelsResponse';

export interface EmbedServiceClient extends grpc.Client {
  Embed(argument: _ragfleet_embed_v1_EmbedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_embed_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  Embed(argument: _ragfleet_embed_v1_EmbedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_embed_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  Embed(argument: _ragfleet_embed_v1_EmbedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_embed_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  Embed(argument: _ragfleet_embed_v1_EmbedRequest, callback: grpc.requestCallback<_ragfleet_embed_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  embed(argument: _ragfleet_embed_v1_EmbedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_embed_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  embed(argument: _ragfleet_embed_v1_EmbedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_embed_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  embed(argument: _ragfleet_embed_v1_EmbedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_embed_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  embed(argument: _ragfleet_embed_v1_EmbedRequest, callback: grpc.requestCallback<_ragfleet_embed_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  
  ListModels(argument: _ragfleet_embed_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_embed_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ragfleet_embed_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_embed_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ragfleet_embed_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_embed_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ragfleet_embed_v1_ListModelsRequest, callback: grpc.requestCallback<_ragfleet_embed_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_embed_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_embed_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_embed_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_embed_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_embed_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_embed_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_embed_v1_ListModelsRequest, callback: grpc.requestCallback<_ragfleet_embed_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface EmbedServiceHandlers extends grpc.UntypedServiceImplementation {
  Embed: grpc.handleUnaryCall<_ragfleet_embed_v1_EmbedRequest__Output, _ragfleet_embed_v1_EmbedResponse>;
  
  ListModels: grpc.handleUnaryCall<_ragfleet_embed_v1_ListModelsRequest__Output, _ragfleet_embed_v1_ListModelsResponse>;
  
}

export interface EmbedServiceDefinition extends grpc.ServiceDefinition {
  Embed: MethodDefinition<_ragfleet_embed_v1_EmbedRequest, _ragfleet_embed_v1_EmbedResponse, _ragfleet_embed_v1_EmbedRequest__Output, _ragfleet_embed_v1_EmbedResponse__Output>
  ListModels: MethodDefinition<_ragfleet_embed_v1_ListModelsRequest, _ragfleet_embed_v1_ListModelsResponse, _ragfleet_embed_v1_ListModelsRequest__Output, _ragfleet_embed_v1_ListModelsResponse__Output>
}
