// Original file: protos/ragfleet/router/v1/router.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DeleteBudgetRequest as _ragfleet_router_v1_DeleteBudgetRequest, DeleteBudgetRequest__Output as _ragfleet_router_v1_DeleteBudgetRequest__Output } from '../../../ragfleet/router/v1/DeleteBudgetRequest';
import type { DeleteBudgetResponse as _ragfleet_router_v1_DeleteBudgetResponse, DeleteBudgetResponse__Output as _ragfleet_router_v1_DeleteBudgetResponse__Output } from '../../../ragfleet/router/v1/DeleteBudgetResponse';
import type { GetUsageRequest as _ragfleet_router_v1_GetUsageRequest, GetUsageRequest__Output as _ragfleet_router_v1_GetUsageRequest__Output } from '../../../ragfleet/router/v1/GetUsageRequest';
import type { GetUsageResponse as _ragfleet_router_v1_GetUsageResponse, GetUsageResponse__Output as _ragfleet_router_v1_GetUsageResponse__Output } from '../../../ragfleet/router/v1/GetUsageResponse';
import type { ListBudgetsRequest as _ragfleet_router_v1_ListBudgetsRequest, ListBudgetsRequest__Output as _ragfleet_router_v1_ListBudgetsRequest__Output } from '../../../ragfleet/router/v1/ListBudgetsRequest';
import type { ListBudgetsResponse as _ragfleet_router_v1_ListBudgetsResponse, ListBudgetsResponse__Output as _ragfleet_router_v1_ListBudgetsResponse__Output } from '../../../ragfleet/router/v1/ListBudgetsResponse';
import type { ListModelsRequest as _ragfleet_router_v1_ListModelsRequest, ListModelsRequest__Output as _ragfleet_router_v1_ListModelsRequest__Output } from '../../../ragfleet/router/v1/ListModelsRequest';
import type { ListModelsResponse as _ragfleet_router_v1_ListModelsResponse, ListModelsResponse__Output as _ragfleet_router_v1_ListModelsResponse__Output } from '../../../ragfleet/router/v1/ListModelsResponse';
import type { ReserveRequest as _ragfleet_router_v1_ReserveRequest, ReserveRequest__Output as _ragfleet_router_v1_ReserveRequest__Output } from '../../../ragfleet/router/v1/ReserveRequest';
import type { ReserveResponse as _ragfleet_router_v1_ReserveResponse, ReserveResponse__Output as _ragfleet_router_v1_ReserveResponse__Output } from '../../../ragfleet/router/v1/ReserveResponse';
import type { RouteRequest as _ragfleet_router_v1_RouteRequest, RouteRequest__Output as _ragfleet_router_v1_RouteRequest__Output } from '../../../ragfleet/router/v1/RouteRequest';
import type { RouteResponse as _ragfleet_router_v1_RouteResponse, RouteResponse__Output as _ragfleet_router_v1_RouteResponse__Output } from '../../../ragfleet/router/v1/RouteResponse';
import type { SetBudgetRequest as _ragfleet_router_v1_SetBudgetRequest, SetBudgetRequest__Output as _ragfleet_router_v1_SetBudgetRequest__Output } from '../../../ragfleet/router/v1/SetBudgetRequest';
import type { SetBudgetResponse as _ragfleet_router_v1_SetBudgetResponse, SetBudgetResponse__Output as _ragfleet_router_v1_SetBudgetResponse__Output } from '../../../ragfleet/router/v1/SetBudgetResponse';
import type { SettleRequest as _ragfleet_router_v1_SettleRequest, SettleRequest__Output as _ragfleet_router_v1_SettleRequest__Output } from '../../../ragfleet/router/v1/SettleRequest';
import type { SettleResponse as _ragfleet_router_v1_SettleResponse, SettleResponse__Output as _ragfleet_router_v1_SettleResponse__Output } from '../../../ragfleet/router/v1/SettleResponse';

export interface RouterServiceClient extends grpc.Client {
  DeleteBudget(argument: _ragfleet_router_v1_DeleteBudgetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_DeleteBudgetResponse__Output>): grpc.ClientUnaryCall;
  DeleteBudget(argument: _ragfleet_router_v1_DeleteBudgetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_DeleteBudgetResponse__Output>): grpc.ClientUnaryCall;
  DeleteBudget(argument: _ragfleet_router_v1_DeleteBudgetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_DeleteBudgetResponse__Output>): grpc.ClientUnaryCall;
  DeleteBudget(argument: _ragfleet_router_v1_DeleteBudgetRequest, callback: grpc.requestCallback<_ragfleet_router_v1_DeleteBudgetResponse__Output>): grpc.ClientUnaryCall;
  deleteBudget(argument: _ragfleet_router_v1_DeleteBudgetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_DeleteBudgetResponse__Output>): grpc.ClientUnaryCall;
  deleteBudget(argument: _ragfleet_router_v1_DeleteBudgetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_DeleteBudgetResponse__Output>): grpc.ClientUnaryCall;
  deleteBudget(argument: _ragfleet_router_v1_DeleteBudgetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_DeleteBudgetResponse__Output>): grpc.ClientUnaryCall;
  deleteBudget(argument: _ragfleet_router_v1_DeleteBudgetRequest, callback: grpc.requestCallback<_ragfleet_router_v1_DeleteBudgetResponse__Output>): grpc.ClientUnaryCall;
  
  GetUsage(argument: _ragfleet_router_v1_GetUsageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  GetUsage(argument: _ragfleet_router_v1_GetUsageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  GetUsage(argument: _ragfleet_router_v1_GetUsageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  GetUsage(argument: _ragfleet_router_v1_GetUsageRequest, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  getUsage(argument: _ragfleet_router_v1_GetUsageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  getUsage(argument: _ragfleet_router_v1_GetUsageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  getUsage(argument: _ragfleet_router_v1_GetUsageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  getUsage(argument: _ragfleet_router_v1_GetUsageRequest, callback: grpc.requestCallback<_ragfleet_router_v1_GetUsageResponse__Output>): grpc.ClientUnaryCall;
  
  ListBudgets(argument: _ragfleet_router_v1_ListBudgetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListBudgetsResponse__Output>): grpc.ClientUnaryCall;
  ListBudgets(argument: _ragfleet_router_v1_ListBudgetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_ListBudgetsResponse__Output>): grpc.ClientUnaryCall;
  ListBudgets(argument: _ragfleet_router_v1_ListBudgetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListBudgetsResponse__Output>): grpc.ClientUnaryCall;
  ListBudgets(argument: _ragfleet_router_v1_ListBudgetsRequest, callback: grpc.requestCallback<_ragfleet_router_v1_ListBudgetsResponse__Output>): grpc.ClientUnaryCall;
  listBudgets(argument: _ragfleet_router_v1_ListBudgetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListBudgetsResponse__Output>): grpc.ClientUnaryCall;
  listBudgets(argument: _ragfleet_router_v1_ListBudgetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_ListBudgetsResponse__Output>): grpc.ClientUnaryCall;
  listBudgets(argument: _ragfleet_router_v1_ListBudgetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListBudgetsResponse__Output>): grpc.ClientUnaryCall;
  listBudgets(argument: _ragfleet_router_v1_ListBudgetsRequest, callback: grpc.requestCallback<_ragfleet_router_v1_ListBudgetsResponse__Output>): grpc.ClientUnaryCall;
  
  ListModels(argument: _ragfleet_router_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ragfleet_router_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ragfleet_router_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  ListModels(argument: _ragfleet_router_v1_ListModelsRequest, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_router_v1_ListModelsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_router_v1_ListModelsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_router_v1_ListModelsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  listModels(argument: _ragfleet_router_v1_ListModelsRequest, callback: grpc.requestCallback<_ragfleet_router_v1_ListModelsResponse__Output>): grpc.ClientUnaryCall;
  
  Reserve(argument: _ragfleet_router_v1_ReserveRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ReserveResponse__Output>): grpc.ClientUnaryCall;
  Reserve(argument: _ragfleet_router_v1_ReserveRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_ReserveResponse__Output>): grpc.ClientUnaryCall;
  Reserve(argument: _ragfleet_router_v1_ReserveRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ReserveResponse__Output>): grpc.ClientUnaryCall;
  Reserve(argument: _ragfleet_router_v1_ReserveRequest, callback: grpc.requestCallback<_ragfleet_router_v1_ReserveResponse__Output>): grpc.ClientUnaryCall;
  reserve(argument: _ragfleet_router_v1_ReserveRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ReserveResponse__Output>): grpc.ClientUnaryCall;
  reserve(argument: _ragfleet_router_v1_ReserveRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_ReserveResponse__Output>): grpc.ClientUnaryCall;
  reserve(argument: _ragfleet_router_v1_ReserveRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_ReserveResponse__Output>): grpc.ClientUnaryCall;
  reserve(argument: _ragfleet_router_v1_ReserveRequest, callback: grpc.requestCallback<_ragfleet_router_v1_ReserveResponse__Output>): grpc.ClientUnaryCall;
  
  Route(argument: _ragfleet_router_v1_RouteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  Route(argument: _ragfleet_router_v1_RouteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  Route(argument: _ragfleet_router_v1_RouteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  Route(argument: _ragfleet_router_v1_RouteRequest, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  route(argument: _ragfleet_router_v1_RouteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  route(argument: _ragfleet_router_v1_RouteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  route(argument: _ragfleet_router_v1_RouteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  route(argument: _ragfleet_router_v1_RouteRequest, callback: grpc.requestCallback<_ragfleet_router_v1_RouteResponse__Output>): grpc.ClientUnaryCall;
  
  SetBudget(argument: _ragfleet_router_v1_SetBudgetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_SetBudgetResponse__Output>): grpc.ClientUnaryCall;
  SetBudget(argument: _ragfleet_router_v1_SetBudgetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_SetBudgetResponse__Output>): grpc.ClientUnaryCall;
  SetBudget(argument: _ragfleet_router_v1_SetBudgetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_SetBudgetResponse__Output>): grpc.ClientUnaryCall;
  SetBudget(argument: _ragfleet_router_v1_SetBudgetRequest, callback: grpc.requestCallback<_ragfleet_router_v1_SetBudgetResponse__Output>): grpc.ClientUnaryCall;
  setBudget(argument: _ragfleet_router_v1_SetBudgetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_SetBudgetResponse__Output>): grpc.ClientUnaryCall;
  setBudget(argument: _ragfleet_router_v1_SetBudgetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_SetBudgetResponse__Output>): grpc.ClientUnaryCall;
  setBudget(argument: _ragfleet_router_v1_SetBudgetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_SetBudgetResponse__Output>): grpc.ClientUnaryCall;
  setBudget(argument: _ragfleet_router_v1_SetBudgetRequest, callback: grpc.requestCallback<_ragfleet_router_v1_SetBudgetResponse__Output>): grpc.ClientUnaryCall;
  
  Settle(argument: _ragfleet_router_v1_SettleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_SettleResponse__Output>): grpc.ClientUnaryCall;
  Settle(argument: _ragfleet_router_v1_SettleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_SettleResponse__Output>): grpc.ClientUnaryCall;
  Settle(argument: _ragfleet_router_v1_SettleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_SettleResponse__Output>): grpc.ClientUnaryCall;
  Settle(argument: _ragfleet_router_v1_SettleRequest, callback: grpc.requestCallback<_ragfleet_router_v1_SettleResponse__Output>): grpc.ClientUnaryCall;
  settle(argument: _ragfleet_router_v1_SettleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_SettleResponse__Output>): grpc.ClientUnaryCall;
  settle(argument: _ragfleet_router_v1_SettleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_router_v1_SettleResponse__Output>): grpc.ClientUnaryCall;
  settle(argument: _ragfleet_router_v1_SettleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_router_v1_SettleResponse__Output>): grpc.ClientUnaryCall;
  settle(argument: _ragfleet_router_v1_SettleRequest, callback: grpc.requestCallback<_ragfleet_router_v1_SettleResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface RouterServiceHandlers extends grpc.UntypedServiceImplementation {
  DeleteBudget: grpc.handleUnaryCall<_ragfleet_router_v1_DeleteBudgetRequest__Output, _ragfleet_router_v1_DeleteBudgetResponse>;
  
  GetUsage: grpc.handleUnaryCall<_ragfleet_router_v1_GetUsageRequest__Output, _ragfleet_router_v1_GetUsageResponse>;
  
  ListBudgets: grpc.handleUnaryCall<_ragfleet_router_v1_ListBudgetsRequest__Output, _ragfleet_router_v1_ListBudgetsResponse>;
  
  ListModels: grpc.handleUnaryCall<_ragfleet_router_v1_ListModelsRequest__Output, _ragfleet_router_v1_ListModelsResponse>;
  
  Reserve: grpc.handleUnaryCall<_ragfleet_router_v1_ReserveRequest__Output, _ragfleet_router_v1_ReserveResponse>;
  
  Route: grpc.handleUnaryCall<_ragfleet_router_v1_RouteRequest__Output, _ragfleet_router_v1_RouteResponse>;
  
  SetBudget: grpc.handleUnaryCall<_ragfleet_router_v1_SetBudgetRequest__Output, _ragfleet_router_v1_SetBudgetResponse>;
  
  Settle: grpc.handleUnaryCall<_ragfleet_router_v1_SettleRequest__Output, _ragfleet_router_v1_SettleResponse>;
  
}

export interface RouterServiceDefinition extends grpc.ServiceDefinition {
  DeleteBudget: MethodDefinition<_ragfleet_router_v1_DeleteBudgetRequest, _ragfleet_router_v1_DeleteBudgetResponse, _ragfleet_router_v1_DeleteBudgetRequest__Output, _ragfleet_router_v1_DeleteBudgetResponse__Output>
  GetUsage: MethodDefinition<_ragfleet_router_v1_GetUsageRequest, _ragfleet_router_v1_GetUsageResponse, _ragfleet_router_v1_GetUsageRequest__Output, _ragfleet_router_v1_GetUsageResponse__Output>
  ListBudgets: MethodDefinition<_ragfleet_router_v1_ListBudgetsRequest, _ragfleet_router_v1_ListBudgetsResponse, _ragfleet_router_v1_ListBudgetsRequest__Output, _ragfleet_router_v1_ListBudgetsResponse__Output>
  ListModels: MethodDefinition<_ragfleet_router_v1_ListModelsRequest, _ragfleet_router_v1_ListModelsResponse, _ragfleet_router_v1_ListModelsRequest__Output, _ragfleet_router_v1_ListModelsResponse__Output>
  Reserve: MethodDefinition<_ragfleet_router_v1_ReserveRequest, _ragfleet_router_v1_ReserveResponse, _ragfleet_router_v1_ReserveRequest__Output, _ragfleet_router_v1_ReserveResponse__Output>
  Route: MethodDefinition<_ragfleet_router_v1_RouteRequest, _ragfleet_router_v1_RouteResponse, _ragfleet_router_v1_RouteRequest__Output, _ragfleet_router_v1_RouteResponse__Output>
  SetBudget: MethodDefinition<_ragfleet_router_v1_SetBudgetRequest, _ragfleet_router_v1_SetBudgetResponse, _ragfleet_router_v1_SetBudgetRequest__Output, _ragfleet_router_v1_SetBudgetResponse__Output>
  Settle: MethodDefinition<_ragfleet_router_v1_SettleRequest, _ragfleet_router_v1_SettleResponse, _ragfleet_router_v1_SettleRequest__Output, _ragfleet_router_v1_SettleResponse__Output>
}
