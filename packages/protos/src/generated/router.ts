import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BudgetScope as _ragfleet_router_v1_BudgetScope, BudgetScope__Output as _ragfleet_router_v1_BudgetScope__Output } from './ragfleet/router/v1/BudgetScope';
import type { BudgetStatus as _ragfleet_router_v1_BudgetStatus, BudgetStatus__Output as _ragfleet_router_v1_BudgetStatus__Output } from './ragfleet/router/v1/BudgetStatus';
import type { ComplexityFeature as _ragfleet_router_v1_ComplexityFeature, ComplexityFeature__Output as _ragfleet_router_v1_ComplexityFeature__Output } from './ragfleet/router/v1/ComplexityFeature';
import type { DeleteBudgetRequest as _ragfleet_router_v1_DeleteBudgetRequest, DeleteBudgetRequest__Output as _ragfleet_router_v1_DeleteBudgetRequest__Output } from './ragfleet/router/v1/DeleteBudgetRequest';
import type { DeleteBudgetResponse as _ragfleet_router_v1_DeleteBudgetResponse, DeleteBudgetResponse__Output as _ragfleet_router_v1_DeleteBudgetResponse__Output } from './ragfleet/router/v1/DeleteBudgetResponse';
import type { GetUsageRequest as _ragfleet_router_v1_GetUsageRequest, GetUsageRequest__Output as _ragfleet_router_v1_GetUsageRequest__Output } from './ragfleet/router/v1/GetUsageRequest';
import type { GetUsageResponse as _ragfleet_router_v1_GetUsageResponse, GetUsageResponse__Output as _ragfleet_router_v1_GetUsageResponse__Output } from './ragfleet/router/v1/GetUsageResponse';
import type { ListBudgetsRequest as _ragfleet_router_v1_ListBudgetsRequest, ListBudgetsRequest__Output as _ragfleet_router_v1_ListBudgetsRequest__Output } from './ragfleet/router/v1/ListBudgetsRequest';
import type { ListBudgetsResponse as _ragfleet_router_v1_ListBudgetsResponse, ListBudgetsResponse__Output as _ragfleet_router_v1_ListBudgetsResponse__Output } from './ragfleet/router/v1/ListBudgetsResponse';
import type { ListModelsRequest as _ragfleet_router_v1_ListModelsRequest, ListModelsRequest__Output as _ragfleet_router_v1_ListModelsRequest__Output } from './ragfleet/router/v1/ListModelsRequest';
import type { ListModelsResponse as _ragfleet_router_v1_ListModelsResponse, ListModelsResponse__Output as _ragfleet_router_v1_ListModelsResponse__Output } from './ragfleet/router/v1/ListModelsResponse';
import type { ModelChoice as _ragfleet_router_v1_ModelChoice, ModelChoice__Output as _ragfleet_router_v1_ModelChoice__Output } from './ragfleet/router/v1/ModelChoice';
import type { ReserveRequest as _ragfleet_router_v1_ReserveRequest, ReserveRequest__Output as _ragfleet_router_v1_ReserveRequest__Output } from './ragfleet/router/v1/ReserveRequest';
import type { ReserveResponse as _ragfleet_router_v1_ReserveResponse, ReserveResponse__Output as _ragfleet_router_v1_ReserveResponse__Output } from './ragfleet/router/v1/ReserveResponse';
import type { RouteDecision as _ragfleet_router_v1_RouteDecision, RouteDecision__Output as _ragfleet_router_v1_RouteDecision__Output } from './ragfleet/router/v1/RouteDecision';
import type { RouteRequest as _ragfleet_router_v1_RouteRequest, RouteRequest__Output as _ragfleet_router_v1_RouteRequest__Output } from './ragfleet/router/v1/RouteRequest';
import type { RouteResponse as _ragfleet_router_v1_RouteResponse, RouteResponse__Output as _ragfleet_router_v1_RouteResponse__Output } from './ragfleet/router/v1/RouteResponse';
import type { RouterServiceClient as _ragfleet_router_v1_RouterServiceClient, RouterServiceDefinition as _ragfleet_router_v1_RouterServiceDefinition } from './ragfleet/router/v1/RouterService';
import type { SetBudgetRequest as _ragfleet_router_v1_SetBudgetRequest, SetBudgetRequest__Output as _ragfleet_router_v1_SetBudgetRequest__Output } from './ragfleet/router/v1/SetBudgetRequest';
import type { SetBudgetResponse as _ragfleet_router_v1_SetBudgetResponse, SetBudgetResponse__Output as _ragfleet_router_v1_SetBudgetResponse__Output } from './ragfleet/router/v1/SetBudgetResponse';
import type { SettleRequest as _ragfleet_router_v1_SettleRequest, SettleRequest__Output as _ragfleet_router_v1_SettleRequest__Output } from './ragfleet/router/v1/SettleRequest';
import type { SettleResponse as _ragfleet_router_v1_SettleResponse, SettleResponse__Output as _ragfleet_router_v1_SettleResponse__Output } from './ragfleet/router/v1/SettleResponse';
import type { SkippedModel as _ragfleet_router_v1_SkippedModel, SkippedModel__Output as _ragfleet_router_v1_SkippedModel__Output } from './ragfleet/router/v1/SkippedModel';
import type { UsageGroup as _ragfleet_router_v1_UsageGroup, UsageGroup__Output as _ragfleet_router_v1_UsageGroup__Output } from './ragfleet/router/v1/UsageGroup';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ragfleet: {
    router: {
      v1: {
        BudgetScope: MessageTypeDefinition<_ragfleet_router_v1_BudgetScope, _ragfleet_router_v1_BudgetScope__Output>
        BudgetStatus: MessageTypeDefinition<_ragfleet_router_v1_BudgetStatus, _ragfleet_router_v1_BudgetStatus__Output>
        ComplexityFeature: MessageTypeDefinition<_ragfleet_router_v1_ComplexityFeature, _ragfleet_router_v1_ComplexityFeature__Output>
        DeleteBudgetRequest: MessageTypeDefinition<_ragfleet_router_v1_DeleteBudgetRequest, _ragfleet_router_v1_DeleteBudgetRequest__Output>
        DeleteBudgetResponse: MessageTypeDefinition<_ragfleet_router_v1_DeleteBudgetResponse, _ragfleet_router_v1_DeleteBudgetResponse__Output>
        GetUsageRequest: MessageTypeDefinition<_ragfleet_router_v1_GetUsageRequest, _ragfleet_router_v1_GetUsageRequest__Output>
        GetUsageResponse: MessageTypeDefinition<_ragfleet_router_v1_GetUsageResponse, _ragfleet_router_v1_GetUsageResponse__Output>
        ListBudgetsRequest: MessageTypeDefinition<_ragfleet_router_v1_ListBudgetsRequest, _ragfleet_router_v1_ListBudgetsRequest__Output>
        ListBudgetsResponse: MessageTypeDefinition<_ragfleet_router_v1_ListBudgetsResponse, _ragfleet_router_v1_ListBudgetsResponse__Output>
        ListModelsRequest: MessageTypeDefinition<_ragfleet_router_v1_ListModelsRequest, _ragfleet_router_v1_ListModelsRequest__Output>
        ListModelsResponse: MessageTypeDefinition<_ragfleet_router_v1_ListModelsResponse, _ragfleet_router_v1_ListModelsResponse__Output>
        ModelChoice: MessageTypeDefinition<_ragfleet_router_v1_ModelChoice, _ragfleet_router_v1_ModelChoice__Output>
        ReserveRequest: MessageTypeDefinition<_ragfleet_router_v1_ReserveRequest, _ragfleet_router_v1_ReserveRequest__Output>
        ReserveResponse: MessageTypeDefinition<_ragfleet_router_v1_ReserveResponse, _ragfleet_router_v1_ReserveResponse__Output>
        RouteDecision: MessageTypeDefinition<_ragfleet_router_v1_RouteDecision, _ragfleet_router_v1_RouteDecision__Output>
        RouteRequest: MessageTypeDefinition<_ragfleet_router_v1_RouteRequest, _ragfleet_router_v1_RouteRequest__Output>
        RouteResponse: MessageTypeDefinition<_ragfleet_router_v1_RouteResponse, _ragfleet_router_v1_RouteResponse__Output>
        RouterService: SubtypeConstructor<typeof grpc.Client, _ragfleet_router_v1_RouterServiceClient> & { service: _ragfleet_router_v1_RouterServiceDefinition }
        SetBudgetRequest: MessageTypeDefinition<_ragfleet_router_v1_SetBudgetRequest, _ragfleet_router_v1_SetBudgetRequest__Output>
        SetBudgetResponse: MessageTypeDefinition<_ragfleet_router_v1_SetBudgetResponse, _ragfleet_router_v1_SetBudgetResponse__Output>
        SettleRequest: MessageTypeDefinition<_ragfleet_router_v1_SettleRequest, _ragfleet_router_v1_SettleRequest__Output>
        SettleResponse: MessageTypeDefinition<_ragfleet_router_v1_SettleResponse, _ragfleet_router_v1_SettleResponse__Output>
        SkippedModel: MessageTypeDefinition<_ragfleet_router_v1_SkippedModel, _ragfleet_router_v1_SkippedModel__Output>
        UsageGroup: MessageTypeDefinition<_ragfleet_router_v1_UsageGroup, _ragfleet_router_v1_UsageGroup__Output>
      }
    }
  }
}

