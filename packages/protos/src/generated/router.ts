import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ComplexityFeature as _ragfleet_router_v1_ComplexityFeature, ComplexityFeature__Output as _ragfleet_router_v1_ComplexityFeature__Output } from './ragfleet/router/v1/ComplexityFeature';
import type { GetUsageRequest as _ragfleet_router_v1_GetUsageRequest, GetUsageRequest__Output as _ragfleet_router_v1_GetUsageRequest__Output } from './ragfleet/router/v1/GetUsageRequest';
import type { GetUsageResponse as _ragfleet_router_v1_GetUsageResponse, GetUsageResponse__Output as _ragfleet_router_v1_GetUsageResponse__Output } from './ragfleet/router/v1/GetUsageResponse';
import type { ListModelsRequest as _ragfleet_router_v1_ListModelsRequest, ListModelsRequest__Output as _ragfleet_router_v1_ListModelsRequest__Output } from './ragfleet/router/v1/ListModelsRequest';
import type { ListModelsResponse as _ragfleet_router_v1_ListModelsResponse, ListModelsResponse__Output as _ragfleet_router_v1_ListModelsResponse__Output } from './ragfleet/router/v1/ListModelsResponse';
import type { ModelChoice as _ragfleet_router_v1_ModelChoice, ModelChoice__Output as _ragfleet_router_v1_ModelChoice__Output } from './ragfleet/router/v1/ModelChoice';
import type { RouteDecision as _ragfleet_router_v1_RouteDecision, RouteDecision__Output as _ragfleet_router_v1_RouteDecision__Output } from './ragfleet/router/v1/RouteDecision';
import type { RouteRequest as _ragfleet_router_v1_RouteRequest, RouteRequest__Output as _ragfleet_router_v1_RouteRequest__Output } from './ragfleet/router/v1/RouteRequest';
import type { RouteResponse as _ragfleet_router_v1_RouteResponse, RouteResponse__Output as _ragfleet_router_v1_RouteResponse__Output } from './ragfleet/router/v1/RouteResponse';
import type { RouterServiceClient as _ragfleet_router_v1_RouterServiceClient, RouterServiceDefinition as _ragfleet_router_v1_RouterServiceDefinition } from './ragfleet/router/v1/RouterService';
import type { SkippedModel as _ragfleet_router_v1_SkippedModel, SkippedModel__Output as _ragfleet_router_v1_SkippedModel__Output } from './ragfleet/router/v1/SkippedModel';
import type { UsageGroup as _ragfleet_router_v1_UsageGroup, UsageGroup__Output as _ragfleet_router_v1_UsageGroup__Output } from './ragfleet/router/v1/UsageGroup';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ragfleet: {
    router: {
      v1: {
        ComplexityFeature: MessageTypeDefinition<_ragfleet_router_v1_ComplexityFeature, _ragfleet_router_v1_ComplexityFeature__Output>
        GetUsageRequest: MessageTypeDefinition<_ragfleet_router_v1_GetUsageRequest, _ragfleet_router_v1_GetUsageRequest__Output>
        GetUsageResponse: MessageTypeDefinition<_ragfleet_router_v1_GetUsageResponse, _ragfleet_router_v1_GetUsageResponse__Output>
        ListModelsRequest: MessageTypeDefinition<_ragfleet_router_v1_ListModelsRequest, _ragfleet_router_v1_ListModelsRequest__Output>
        ListModelsResponse: MessageTypeDefinition<_ragfleet_router_v1_ListModelsResponse, _ragfleet_router_v1_ListModelsResponse__Output>
        ModelChoice: MessageTypeDefinition<_ragfleet_router_v1_ModelChoice, _ragfleet_router_v1_ModelChoice__Output>
        RouteDecision: MessageTypeDefinition<_ragfleet_router_v1_RouteDecision, _ragfleet_router_v1_RouteDecision__Output>
        RouteRequest: MessageTypeDefinition<_ragfleet_router_v1_RouteRequest, _ragfleet_router_v1_RouteRequest__Output>
        RouteResponse: MessageTypeDefinition<_ragfleet_router_v1_RouteResponse, _ragfleet_router_v1_RouteResponse__Output>
        RouterService: SubtypeConstructor<typeof grpc.Client, _ragfleet_router_v1_RouterServiceClient> & { service: _ragfleet_router_v1_RouterServiceDefinition }
        SkippedModel: MessageTypeDefinition<_ragfleet_router_v1_SkippedModel, _ragfleet_router_v1_SkippedModel__Output>
        UsageGroup: MessageTypeDefinition<_ragfleet_router_v1_UsageGroup, _ragfleet_router_v1_UsageGroup__Output>
      }
    }
  }
}

