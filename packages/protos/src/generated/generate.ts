import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AnswerRequest as _ragfleet_generate_v1_AnswerRequest, AnswerRequest__Output as _ragfleet_generate_v1_AnswerRequest__Output } from './ragfleet/generate/v1/AnswerRequest';
import type { AnswerResponse as _ragfleet_generate_v1_AnswerResponse, AnswerResponse__Output as _ragfleet_generate_v1_AnswerResponse__Output } from './ragfleet/generate/v1/AnswerResponse';
import type { Citation as _ragfleet_generate_v1_Citation, Citation__Output as _ragfleet_generate_v1_Citation__Output } from './ragfleet/generate/v1/Citation';
import type { Citations as _ragfleet_generate_v1_Citations, Citations__Output as _ragfleet_generate_v1_Citations__Output } from './ragfleet/generate/v1/Citations';
import type { Done as _ragfleet_generate_v1_Done, Done__Output as _ragfleet_generate_v1_Done__Output } from './ragfleet/generate/v1/Done';
import type { Error as _ragfleet_generate_v1_Error, Error__Output as _ragfleet_generate_v1_Error__Output } from './ragfleet/generate/v1/Error';
import type { GenerateServiceClient as _ragfleet_generate_v1_GenerateServiceClient, GenerateServiceDefinition as _ragfleet_generate_v1_GenerateServiceDefinition } from './ragfleet/generate/v1/GenerateService';
import type { HistoryMessage as _ragfleet_generate_v1_HistoryMessage, HistoryMessage__Output as _ragfleet_generate_v1_HistoryMessage__Output } from './ragfleet/generate/v1/HistoryMessage';
import type { Status as _ragfleet_generate_v1_Status, Status__Output as _ragfleet_generate_v1_Status__Output } from './ragfleet/generate/v1/Status';
import type { SuggestAction as _ragfleet_generate_v1_SuggestAction, SuggestAction__Output as _ragfleet_generate_v1_SuggestAction__Output } from './ragfleet/generate/v1/SuggestAction';
import type { SuggestRequest as _ragfleet_generate_v1_SuggestRequest, SuggestRequest__Output as _ragfleet_generate_v1_SuggestRequest__Output } from './ragfleet/generate/v1/SuggestRequest';
import type { SuggestResponse as _ragfleet_generate_v1_SuggestResponse, SuggestResponse__Output as _ragfleet_generate_v1_SuggestResponse__Output } from './ragfleet/generate/v1/SuggestResponse';
import type { SummarizeRequest as _ragfleet_generate_v1_SummarizeRequest, SummarizeRequest__Output as _ragfleet_generate_v1_SummarizeRequest__Output } from './ragfleet/generate/v1/SummarizeRequest';
import type { SummarizeResponse as _ragfleet_generate_v1_SummarizeResponse, SummarizeResponse__Output as _ragfleet_generate_v1_SummarizeResponse__Output } from './ragfleet/generate/v1/SummarizeResponse';
import type { Token as _ragfleet_generate_v1_Token, Token__Output as _ragfleet_generate_v1_Token__Output } from './ragfleet/generate/v1/Token';
import type { Usage as _ragfleet_generate_v1_Usage, Usage__Output as _ragfleet_generate_v1_Usage__Output } from './ragfleet/generate/v1/Usage';
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
    generate: {
      v1: {
        AnswerRequest: MessageTypeDefinition<_ragfleet_generate_v1_AnswerRequest, _ragfleet_generate_v1_AnswerRequest__Output>
        AnswerResponse: MessageTypeDefinition<_ragfleet_generate_v1_AnswerResponse, _ragfleet_generate_v1_AnswerResponse__Output>
        Citation: MessageTypeDefinition<_ragfleet_generate_v1_Citation, _ragfleet_generate_v1_Citation__Output>
        Citations: MessageTypeDefinition<_ragfleet_generate_v1_Citations, _ragfleet_generate_v1_Citations__Output>
        Done: MessageTypeDefinition<_ragfleet_generate_v1_Done, _ragfleet_generate_v1_Done__Output>
        Error: MessageTypeDefinition<_ragfleet_generate_v1_Error, _ragfleet_generate_v1_Error__Output>
        GenerateService: SubtypeConstructor<typeof grpc.Client, _ragfleet_generate_v1_GenerateServiceClient> & { service: _ragfleet_generate_v1_GenerateServiceDefinition }
        HistoryMessage: MessageTypeDefinition<_ragfleet_generate_v1_HistoryMessage, _ragfleet_generate_v1_HistoryMessage__Output>
        Status: MessageTypeDefinition<_ragfleet_generate_v1_Status, _ragfleet_generate_v1_Status__Output>
        SuggestAction: MessageTypeDefinition<_ragfleet_generate_v1_SuggestAction, _ragfleet_generate_v1_SuggestAction__Output>
        SuggestRequest: MessageTypeDefinition<_ragfleet_generate_v1_SuggestRequest, _ragfleet_generate_v1_SuggestRequest__Output>
        SuggestResponse: MessageTypeDefinition<_ragfleet_generate_v1_SuggestResponse, _ragfleet_generate_v1_SuggestResponse__Output>
        SummarizeRequest: MessageTypeDefinition<_ragfleet_generate_v1_SummarizeRequest, _ragfleet_generate_v1_SummarizeRequest__Output>
        SummarizeResponse: MessageTypeDefinition<_ragfleet_generate_v1_SummarizeResponse, _ragfleet_generate_v1_SummarizeResponse__Output>
        Token: MessageTypeDefinition<_ragfleet_generate_v1_Token, _ragfleet_generate_v1_Token__Output>
        Usage: MessageTypeDefinition<_ragfleet_generate_v1_Usage, _ragfleet_generate_v1_Usage__Output>
      }
    }
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

