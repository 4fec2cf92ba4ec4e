// Original file: protos/ragfleet/router/v1/router.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetUsageRequest as _ragfleet_router_v1_GetUsageRequest, GetUsageRequest__Output as _ragfleet_router_v1_GetUsageRequest__Output } from '../../../ragfleet/router/v1/GetUsageRequest';
import type { GetUsageResponse as _ragfleet_router_v1_GetUsageResponse, GetUsageResponse__Output as _ragfleet_router_v1_GetUsageResponse__Output } from '../../../ragfleet/router/v1/GetUsageResponse';
import type { ListModelsRequest as _ragfleet_router_v1_ListModelsRequest, ListModelsRequest__Output as _ragfleet_router_v1_ListModelsRequest__Output } from '../../../ragfleet/router/v1/ListModelsRequest';
import type { ListModelsResponse as _ragfleet_router_v1_ListModelsResponse, ListModelsResponse__Output as _ragfleet_router_v1_ListModelsResponse__Output } from '../../../ragfleet/router/v1/ListModelsResponse';
import type { RouteRequest as _ragfleet_router_v1_RouteRequest, RouteRequest__Output as _ragfleet_router_v1_RouteRequest__Output } from '../../../ragfleet/router/v1/RouteRequest';
import type { RouteResponse as _ragfleet_router_v1_RouteResponse, RouteResponse__Output as _ragfleet_router_v1_RouteResponse__Output } from '../../../ragfleet/router/v1/RouteResponse';

export interface RouterServiceClient extends grpc.Client {
  GetUsage(argument: _ragfleet_router_v1_GetUsageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  GetUsage(argument: _ragfleet_router_v1_GetUsageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  GetUsage(argument: _ragfleet_router_v1_GetUsageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  GetUsage(argument: _ragfleet_router_v1_GetUsageRequest, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  getUsage(argument: _ragfleet_router_v1_GetUsageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  getUsage(argument: _ragfleet_router_v1_GetUsageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  getUsage(argument: _ragfleet_router_v1_GetUsageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  getUsage(argument: _ragfleet_router_v1_GetUsageRequest, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  
  ListModels(argument: _ragfleet_router_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ragfleet_router_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ragfleet_router_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ragfleet_router_v1_ListModelsRequest, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_router_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_router_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_router_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_router_v1_ListModelsRequest, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  
  Route(argument: _ragfleet_router_v1_RouteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  Route(argument: _ragfleet_router_v1_RouteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  Route(argument: _ragfleet_router_v1_RouteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  Route(argument: _ragfleet_router_v1_RouteRequest, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  route(argument: _ragfleet_router_v1_RouteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  route(argument: _ragfleet_router_v1_RouteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  route(argument: _ragfleet_router_v1_RouteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  route(argument: _ragfleet_router_v1_RouteRequest, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface RouterServiceHandlers extends grpc.UntypedServiceImplementation {
  GetUsage: grpc.handleUnaryCall<_ragfleet_router_v1_GetUsageRequest__Output, _ragfleet_router_v1_GetUsageResponse>;
  
  ListModels: grpc.handleUnaryCall<_ragfleet_router_v1_ListModelsRequest__Output, _ragfleet_router_v1_ListModelsResponse>;
  
  Route: grpc.handleUnaryCall<_ragfleet_router_v1_RouteRequest__Output, _ragfleet_router_v1_RouteResponse>;
  
}

export interface RouterServiceDefinition extends grpc.ServiceDefinition {
  GetUsage: MethodDefinition<_ragfleet_router_v1_GetUsageRequest, _ragfleet_router_v1_GetUsageResponse, _ragfleet_router_v1_GetUsageRequest__Output, _ragfleet_router_v1_GetUsageResponse__Output>
  ListModels: MethodDefinition<_ragfleet_router_v1_ListModelsRequest, _ragfleet_router_v1_ListModelsResponse, _ragfleet_router_v1_ListModelsRequest__Output, _ragfleet_router_v1_ListModelsResponse__Output>
  Route: MethodDefinition<_ragfleet_router_v1_RouteRequest, _ragfleet_router_v1_RouteResponse, _ragfleet_router_v1_RouteRequest__Output, _ragfleet_router_v1_RouteResponse__Output>
}
