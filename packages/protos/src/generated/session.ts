import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AbortRolloutRequest as _ragfleet_generate_v1_AbortRolloutRequest, AbortRolloutRequest__Output as _ragfleet_generate_v1_AbortRolloutRequest__Output } from './ragfleet/generate/v1/AbortRolloutRequest';
import type { AbortRolloutResponse as _ragfleet_generate_v1_AbortRolloutResponse, AbortRolloutResponse__Output as _ragfleet_generate_v1_AbortRolloutResponse__Output } from './ragfleet/generate/v1/AbortRolloutResponse';
import type { AnswerRequest as _ragfleet_generate_v1_AnswerRequest, AnswerRequest__Output as _ragfleet_generate_v1_AnswerRequest__Output } from './ragfleet/generate/v1/AnswerRequest';
import type { AnswerResponse as _ragfleet_generate_v1_AnswerResponse, AnswerResponse__Output as _ragfleet_generate_v1_AnswerResponse__Output } from './ragfleet/generate/v1/AnswerResponse';
import type { Citation as _ragfleet_generate_v1_Citation, Citation__Output as _ragfleet_generate_v1_Citation__Output } from './ragfleet/generate/v1/Citation';
import type { Citations as _ragfleet_generate_v1_Citations, Citations__Output as _ragfleet_generate_v1_Citations__Output } from './ragfleet/generate/v1/Citations';
import type { CreateExperimentRequest as _ragfleet_generate_v1_CreateExperimentRequest, CreateExperimentRequest__Output as _ragfleet_generate_v1_CreateExperimentRequest__Output } from './ragfleet/generate/v1/CreateExperimentRequest';
import type { CreateExperimentResponse as _ragfleet_generate_v1_CreateExperimentResponse, CreateExperimentResponse__Output as _ragfleet_generate_v1_CreateExperimentResponse__Output } from './ragfleet/generate/v1/CreateExperimentResponse';
import type { CreateRolloutRequest as _ragfleet_generate_v1_CreateRolloutRequest, CreateRolloutRequest__Output as _ragfleet_generate_v1_CreateRolloutRequest__Output } from './ragfleet/generate/v1/CreateRolloutRequest';
import type { CreateRolloutResponse as _ragfleet_generate_v1_CreateRolloutResponse, CreateRolloutResponse__Output as _ragfleet_generate_v1_CreateRolloutResponse__Output } from './ragfleet/generate/v1/CreateRolloutResponse';
import type { Done as _ragfleet_generate_v1_Done, Done__Output as _ragfleet_generate_v1_Done__Output } from './ragfleet/generate/v1/Done';
import type { Error as _ragfleet_generate_v1_Error, Error__Output as _ragfleet_generate_v1_Error__Output } from './ragfleet/generate/v1/Error';
import type { Experiment as _ragfleet_generate_v1_Experiment, Experiment__Output as _ragfleet_generate_v1_Experiment__Output } from './ragfleet/generate/v1/Experiment';
import type { ExperimentServiceClient as _ragfleet_generate_v1_ExperimentServiceClient, ExperimentServiceDefinition as _ragfleet_generate_v1_ExperimentServiceDefinition } from './ragfleet/generate/v1/ExperimentService';
import type { GenerateServiceClient as _ragfleet_generate_v1_GenerateServiceClient, GenerateServiceDefinition as _ragfleet_generate_v1_GenerateServiceDefinition } from './ragfleet/generate/v1/GenerateService';
import type { GetExperimentRequest as _ragfleet_generate_v1_GetExperimentRequest, GetExperimentRequest__Output as _ragfleet_generate_v1_GetExperimentRequest__Output } from './ragfleet/generate/v1/GetExperimentRequest';
import type { GetExperimentResponse as _ragfleet_generate_v1_GetExperimentResponse, GetExperimentResponse__Output as _ragfleet_generate_v1_GetExperimentResponse__Output } from './ragfleet/generate/v1/GetExperimentResponse';
import type { GetRolloutRequest as _ragfleet_generate_v1_GetRolloutRequest, GetRolloutRequest__Output as _ragfleet_generate_v1_GetRolloutRequest__Output } from './ragfleet/generate/v1/GetRolloutRequest';
import type { GetRolloutResponse as _ragfleet_generate_v1_GetRolloutResponse, GetRolloutResponse__Output as _ragfleet_generate_v1_GetRolloutResponse__Output } from './ragfleet/generate/v1/GetRolloutResponse';
import type { GetShadowReportRequest as _ragfleet_generate_v1_GetShadowReportRequest, GetShadowReportRequest__Output as _ragfleet_generate_v1_GetShadowReportRequest__Output } from './ragfleet/generate/v1/GetShadowReportRequest';
import type { GetShadowReportResponse as _ragfleet_generate_v1_GetShadowReportResponse, GetShadowReportResponse__Output as _ragfleet_generate_v1_GetShadowReportResponse__Output } from './ragfleet/generate/v1/GetShadowReportResponse';
import type { HistoryMessage as _ragfleet_generate_v1_HistoryMessage, HistoryMessage__Output as _ragfleet_generate_v1_HistoryMessage__Output } from './ragfleet/generate/v1/HistoryMessage';
import type { ListExperimentsRequest as _ragfleet_generate_v1_ListExperimentsRequest, ListExperimentsRequest__Output as _ragfleet_generate_v1_ListExperimentsRequest__Output } from './ragfleet/generate/v1/ListExperimentsRequest';
import type { ListExperimentsResponse as _ragfleet_generate_v1_ListExperimentsResponse, ListExperimentsResponse__Output as _ragfleet_generate_v1_ListExperimentsResponse__Output } from './ragfleet/generate/v1/ListExperimentsResponse';
import type { ListPromptsRequest as _ragfleet_generate_v1_ListPromptsRequest, ListPromptsRequest__Output as _ragfleet_generate_v1_ListPromptsRequest__Output } from './ragfleet/generate/v1/ListPromptsRequest';
import type { ListPromptsResponse as _ragfleet_generate_v1_ListPromptsResponse, ListPromptsResponse__Output as _ragfleet_generate_v1_ListPromptsResponse__Output } from './ragfleet/generate/v1/ListPromptsResponse';
import type { ListRolloutsRequest as _ragfleet_generate_v1_ListRolloutsRequest, ListRolloutsRequest__Output as _ragfleet_generate_v1_ListRolloutsRequest__Output } from './ragfleet/generate/v1/ListRolloutsRequest';
import type { ListRolloutsResponse as _ragfleet_generate_v1_ListRolloutsResponse, ListRolloutsResponse__Output as _ragfleet_generate_v1_ListRolloutsResponse__Output } from './ragfleet/generate/v1/ListRolloutsResponse';
import type { PanelResult as _ragfleet_generate_v1_PanelResult, PanelResult__Output as _ragfleet_generate_v1_PanelResult__Output } from './ragfleet/generate/v1/PanelResult';
import type { PromptFamily as _ragfleet_generate_v1_PromptFamily, PromptFamily__Output as _ragfleet_generate_v1_PromptFamily__Output } from './ragfleet/generate/v1/PromptFamily';
import type { PromptServiceClient as _ragfleet_generate_v1_PromptServiceClient, PromptServiceDefinition as _ragfleet_generate_v1_PromptServiceDefinition } from './ragfleet/generate/v1/PromptService';
import type { PromptVersion as _ragfleet_generate_v1_PromptVersion, PromptVersion__Output as _ragfleet_generate_v1_PromptVersion__Output } from './ragfleet/generate/v1/PromptVersion';
import type { RetrievalSettings as _ragfleet_generate_v1_RetrievalSettings, RetrievalSettings__Output as _ragfleet_generate_v1_RetrievalSettings__Output } from './ragfleet/generate/v1/RetrievalSettings';
import type { Rollout as _ragfleet_generate_v1_Rollout, Rollout__Output as _ragfleet_generate_v1_Rollout__Output } from './ragfleet/generate/v1/Rollout';
import type { RolloutServiceClient as _ragfleet_generate_v1_RolloutServiceClient, RolloutServiceDefinition as _ragfleet_generate_v1_RolloutServiceDefinition } from './ragfleet/generate/v1/RolloutService';
import type { RolloutStage as _ragfleet_generate_v1_RolloutStage, RolloutStage__Output as _ragfleet_generate_v1_RolloutStage__Output } from './ragfleet/generate/v1/RolloutStage';
import type { ShadowSummary as _ragfleet_generate_v1_ShadowSummary, ShadowSummary__Output as _ragfleet_generate_v1_ShadowSummary__Output } from './ragfleet/generate/v1/ShadowSummary';
import type { SpecialistResult as _ragfleet_generate_v1_SpecialistResult, SpecialistResult__Output as _ragfleet_generate_v1_SpecialistResult__Output } from './ragfleet/generate/v1/SpecialistResult';
import type { Status as _ragfleet_generate_v1_Status, Status__Output as _ragfleet_generate_v1_Status__Output } from './ragfleet/generate/v1/Status';
import type { StopExperimentRequest as _ragfleet_generate_v1_StopExperimentRequest, StopExperimentRequest__Output as _ragfleet_generate_v1_StopExperimentRequest__Output } from './ragfleet/generate/v1/StopExperimentRequest';
import type { StopExperimentResponse as _ragfleet_generate_v1_StopExperimentResponse, StopExperimentResponse__Output as _ragfleet_generate_v1_StopExperimentResponse__Output } from './ragfleet/generate/v1/StopExperimentResponse';
import type { SuggestAction as _ragfleet_generate_v1_SuggestAction, SuggestAction__Output as _ragfleet_generate_v1_SuggestAction__Output } from './ragfleet/generate/v1/SuggestAction';
import type { SuggestRequest as _ragfleet_generate_v1_SuggestRequest, SuggestRequest__Output as _ragfleet_generate_v1_SuggestRequest__Output } from './ragfleet/generate/v1/SuggestRequest';
import type { SuggestResponse as _ragfleet_generate_v1_SuggestResponse, SuggestResponse__Output as _ragfleet_generate_v1_SuggestResponse__Output } from './ragfleet/generate/v1/SuggestResponse';
import type { SummarizeRequest as _ragfleet_generate_v1_SummarizeRequest, SummarizeRequest__Output as _ragfleet_generate_v1_SummarizeRequest__Output } from './ragfleet/generate/v1/SummarizeRequest';
import type { SummarizeResponse as _ragfleet_generate_v1_SummarizeResponse, SummarizeResponse__Output as _ragfleet_generate_v1_SummarizeResponse__Output } from './ragfleet/generate/v1/SummarizeResponse';
import type { Token as _ragfleet_generate_v1_Token, Token__Output as _ragfleet_generate_v1_Token__Output } from './ragfleet/generate/v1/Token';
import type { Usage as _ragfleet_generate_v1_Usage, Usage__Output as _ragfleet_generate_v1_Usage__Output } from './ragfleet/generate/v1/Usage';
import type { Variant as _ragfleet_generate_v1_Variant, Variant__Output as _ragfleet_generate_v1_Variant__Output } from './ragfleet/generate/v1/Variant';
import type { VariantResult as _ragfleet_generate_v1_VariantResult, VariantResult__Output as _ragfleet_generate_v1_VariantResult__Output } from './ragfleet/generate/v1/VariantResult';
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
import type { CreateSessionRequest as _ragfleet_session_v1_CreateSessionRequest, CreateSessionRequest__Output as _ragfleet_session_v1_CreateSessionRequest__Output } from './ragfleet/session/v1/CreateSessionRequest';
import type { CreateSessionResponse as _ragfleet_session_v1_CreateSessionResponse, CreateSessionResponse__Output as _ragfleet_session_v1_CreateSessionResponse__Output } from './ragfleet/session/v1/CreateSessionResponse';
import type { DeleteSessionRequest as _ragfleet_session_v1_DeleteSessionRequest, DeleteSessionRequest__Output as _ragfleet_session_v1_DeleteSessionRequest__Output } from './ragfleet/session/v1/DeleteSessionRequest';
import type { DeleteSessionResponse as _ragfleet_session_v1_DeleteSessionResponse, DeleteSessionResponse__Output as _ragfleet_session_v1_DeleteSessionResponse__Output } from './ragfleet/session/v1/DeleteSessionResponse';
import type { GetSessionRequest as _ragfleet_session_v1_GetSessionRequest, GetSessionRequest__Output as _ragfleet_session_v1_GetSessionRequest__Output } from './ragfleet/session/v1/GetSessionRequest';
import type { GetSessionResponse as _ragfleet_session_v1_GetSessionResponse, GetSessionResponse__Output as _ragfleet_session_v1_GetSessionResponse__Output } from './ragfleet/session/v1/GetSessionResponse';
import type { GetStatsRequest as _ragfleet_session_v1_GetStatsRequest, GetStatsRequest__Output as _ragfleet_session_v1_GetStatsRequest__Output } from './ragfleet/session/v1/GetStatsRequest';
import type { GetStatsResponse as _ragfleet_session_v1_GetStatsResponse, GetStatsResponse__Output as _ragfleet_session_v1_GetStatsResponse__Output } from './ragfleet/session/v1/GetStatsResponse';
import type { ListSessionsRequest as _ragfleet_session_v1_ListSessionsRequest, ListSessionsRequest__Output as _ragfleet_session_v1_ListSessionsRequest__Output } from './ragfleet/session/v1/ListSessionsRequest';
import type { ListSessionsResponse as _ragfleet_session_v1_ListSessionsResponse, ListSessionsResponse__Output as _ragfleet_session_v1_ListSessionsResponse__Output } from './ragfleet/session/v1/ListSessionsResponse';
import type { Message as _ragfleet_session_v1_Message, Message__Output as _ragfleet_session_v1_Message__Output } from './ragfleet/session/v1/Message';
import type { ResumeTurnRequest as _ragfleet_session_v1_ResumeTurnRequest, ResumeTurnRequest__Output as _ragfleet_session_v1_ResumeTurnRequest__Output } from './ragfleet/session/v1/ResumeTurnRequest';
import type { ResumeTurnResponse as _ragfleet_session_v1_ResumeTurnResponse, ResumeTurnResponse__Output as _ragfleet_session_v1_ResumeTurnResponse__Output } from './ragfleet/session/v1/ResumeTurnResponse';
import type { Session as _ragfleet_session_v1_Session, Session__Output as _ragfleet_session_v1_Session__Output } from './ragfleet/session/v1/Session';
import type { SessionServiceClient as _ragfleet_session_v1_SessionServiceClient, SessionServiceDefinition as _ragfleet_session_v1_SessionServiceDefinition } from './ragfleet/session/v1/SessionService';
import type { TurnError as _ragfleet_session_v1_TurnError, TurnError__Output as _ragfleet_session_v1_TurnError__Output } from './ragfleet/session/v1/TurnError';
import type { TurnEvent as _ragfleet_session_v1_TurnEvent, TurnEvent__Output as _ragfleet_session_v1_TurnEvent__Output } from './ragfleet/session/v1/TurnEvent';
import type { TurnRequest as _ragfleet_session_v1_TurnRequest, TurnRequest__Output as _ragfleet_session_v1_TurnRequest__Output } from './ragfleet/session/v1/TurnRequest';
import type { TurnResponse as _ragfleet_session_v1_TurnResponse, TurnResponse__Output as _ragfleet_session_v1_TurnResponse__Output } from './ragfleet/session/v1/TurnResponse';
import type { TurnStarted as _ragfleet_session_v1_TurnStarted, TurnStarted__Output as _ragfleet_session_v1_TurnStarted__Output } from './ragfleet/session/v1/TurnStarted';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ragfleet: {
    generate: {
      v1: {
        AbortRolloutRequest: MessageTypeDefinition<_ragfleet_generate_v1_AbortRolloutRequest, _ragfleet_generate_v1_AbortRolloutRequest__Output>
        AbortRolloutResponse: MessageTypeDefinition<_ragfleet_generate_v1_AbortRolloutResponse, _ragfleet_generate_v1_AbortRolloutResponse__Output>
        AnswerRequest: MessageTypeDefinition<_ragfleet_generate_v1_AnswerRequest, _ragfleet_generate_v1_AnswerRequest__Output>
        AnswerResponse: MessageTypeDefinition<_ragfleet_generate_v1_AnswerResponse, _ragfleet_generate_v1_AnswerResponse__Output>
        Citation: MessageTypeDefinition<_ragfleet_generate_v1_Citation, _ragfleet_generate_v1_Citation__Output>
        Citations: MessageTypeDefinition<_ragfleet_generate_v1_Citations, _ragfleet_generate_v1_Citations__Output>
        CreateExperimentRequest: MessageTypeDefinition<_ragfleet_generate_v1_CreateExperimentRequest, _ragfleet_generate_v1_CreateExperimentRequest__Output>
        CreateExperimentResponse: MessageTypeDefinition<_ragfleet_generate_v1_CreateExperimentResponse, _ragfleet_generate_v1_CreateExperimentResponse__Output>
        CreateRolloutRequest: MessageTypeDefinition<_ragfleet_generate_v1_CreateRolloutRequest, _ragfleet_generate_v1_CreateRolloutRequest__Output>
        CreateRolloutResponse: MessageTypeDefinition<_ragfleet_generate_v1_CreateRolloutResponse, _ragfleet_generate_v1_CreateRolloutResponse__Output>
        Done: MessageTypeDefinition<_ragfleet_generate_v1_Done, _ragfleet_generate_v1_Done__Output>
        Error: MessageTypeDefinition<_ragfleet_generate_v1_Error, _ragfleet_generate_v1_Error__Output>
        Experiment: MessageTypeDefinition<_ragfleet_generate_v1_Experiment, _ragfleet_generate_v1_Experiment__Output>
        ExperimentService: SubtypeConstructor<typeof grpc.Client, _ragfleet_generate_v1_ExperimentServiceClient> & { service: _ragfleet_generate_v1_ExperimentServiceDefinition }
        ExperimentState: EnumTypeDefinition
        GenerateService: SubtypeConstructor<typeof grpc.Client, _ragfleet_generate_v1_GenerateServiceClient> & { service: _ragfleet_generate_v1_GenerateServiceDefinition }
        GetExperimentRequest: MessageTypeDefinition<_ragfleet_generate_v1_GetExperimentRequest, _ragfleet_generate_v1_GetExperimentRequest__Output>
        GetExperimentResponse: MessageTypeDefinition<_ragfleet_generate_v1_GetExperimentResponse, _ragfleet_generate_v1_GetExperimentResponse__Output>
        GetRolloutRequest: MessageTypeDefinition<_ragfleet_generate_v1_GetRolloutRequest, _ragfleet_generate_v1_GetRolloutRequest__Output>
        GetRolloutResponse: MessageTypeDefinition<_ragfleet_generate_v1_GetRolloutResponse, _ragfleet_generate_v1_GetRolloutResponse__Output>
        GetShadowReportRequest: MessageTypeDefinition<_ragfleet_generate_v1_GetShadowReportRequest, _ragfleet_generate_v1_GetShadowReportRequest__Output>
        GetShadowReportResponse: MessageTypeDefinition<_ragfleet_generate_v1_GetShadowReportResponse, _ragfleet_generate_v1_GetShadowReportResponse__Output>
        HistoryMessage: MessageTypeDefinition<_ragfleet_generate_v1_HistoryMessage, _ragfleet_generate_v1_HistoryMessage__Output>
        ListExperimentsRequest: MessageTypeDefinition<_ragfleet_generate_v1_ListExperimentsRequest, _ragfleet_generate_v1_ListExperimentsRequest__Output>
        ListExperimentsResponse: MessageTypeDefinition<_ragfleet_generate_v1_ListExperimentsResponse, _ragfleet_generate_v1_ListExperimentsResponse__Output>
        ListPromptsRequest: MessageTypeDefinition<_ragfleet_generate_v1_ListPromptsRequest, _ragfleet_generate_v1_ListPromptsRequest__Output>
        ListPromptsResponse: MessageTypeDefinition<_ragfleet_generate_v1_ListPromptsResponse, _ragfleet_generate_v1_ListPromptsResponse__Output>
        ListRolloutsRequest: MessageTypeDefinition<_ragfleet_generate_v1_ListRolloutsRequest, _ragfleet_generate_v1_ListRolloutsRequest__Output>
        ListRolloutsResponse: MessageTypeDefinition<_ragfleet_generate_v1_ListRolloutsResponse, _ragfleet_generate_v1_ListRolloutsResponse__Output>
        Metric: EnumTypeDefinition
        PanelResult: MessageTypeDefinition<_ragfleet_generate_v1_PanelResult, _ragfleet_generate_v1_PanelResult__Output>
        PromptFamily: MessageTypeDefinition<_ragfleet_generate_v1_PromptFamily, _ragfleet_generate_v1_PromptFamily__Output>
        PromptService: SubtypeConstructor<typeof grpc.Client, _ragfleet_generate_v1_PromptServiceClient> & { service: _ragfleet_generate_v1_PromptServiceDefinition }
        PromptVersion: MessageTypeDefinition<_ragfleet_generate_v1_PromptVersion, _ragfleet_generate_v1_PromptVersion__Output>
        RetrievalSettings: MessageTypeDefinition<_ragfleet_generate_v1_RetrievalSettings, _ragfleet_generate_v1_RetrievalSettings__Output>
        Rollout: MessageTypeDefinition<_ragfleet_generate_v1_Rollout, _ragfleet_generate_v1_Rollout__Output>
        RolloutService: SubtypeConstructor<typeof grpc.Client, _ragfleet_generate_v1_RolloutServiceClient> & { service: _ragfleet_generate_v1_RolloutServiceDefinition }
        RolloutStage: MessageTypeDefinition<_ragfleet_generate_v1_RolloutStage, _ragfleet_generate_v1_RolloutStage__Output>
        RolloutState: EnumTypeDefinition
        ShadowSummary: MessageTypeDefinition<_ragfleet_generate_v1_ShadowSummary, _ragfleet_generate_v1_ShadowSummary__Output>
        SpecialistResult: MessageTypeDefinition<_ragfleet_generate_v1_SpecialistResult, _ragfleet_generate_v1_SpecialistResult__Output>
        Status: MessageTypeDefinition<_ragfleet_generate_v1_Status, _ragfleet_generate_v1_Status__Output>
        StopExperimentRequest: MessageTypeDefinition<_ragfleet_generate_v1_StopExperimentRequest, _ragfleet_generate_v1_StopExperimentRequest__Output>
        StopExperimentResponse: MessageTypeDefinition<_ragfleet_generate_v1_StopExperimentResponse, _ragfleet_generate_v1_StopExperimentResponse__Output>
        SuggestAction: MessageTypeDefinition<_ragfleet_generate_v1_SuggestAction, _ragfleet_generate_v1_SuggestAction__Output>
        SuggestRequest: MessageTypeDefinition<_ragfleet_generate_v1_SuggestRequest, _ragfleet_generate_v1_SuggestRequest__Output>
        SuggestResponse: MessageTypeDefinition<_ragfleet_generate_v1_SuggestResponse, _ragfleet_generate_v1_SuggestResponse__Output>
        SummarizeRequest: MessageTypeDefinition<_ragfleet_generate_v1_SummarizeRequest, _ragfleet_generate_v1_SummarizeRequest__Output>
        SummarizeResponse: MessageTypeDefinition<_ragfleet_generate_v1_SummarizeResponse, _ragfleet_generate_v1_SummarizeResponse__Output>
        Token: MessageTypeDefinition<_ragfleet_generate_v1_Token, _ragfleet_generate_v1_Token__Output>
        Usage: MessageTypeDefinition<_ragfleet_generate_v1_Usage, _ragfleet_generate_v1_Usage__Output>
        Variant: MessageTypeDefinition<_ragfleet_generate_v1_Variant, _ragfleet_generate_v1_Variant__Output>
        VariantResult: MessageTypeDefinition<_ragfleet_generate_v1_VariantResult, _ragfleet_generate_v1_VariantResult__Output>
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
    session: {
      v1: {
        CreateSessionRequest: MessageTypeDefinition<_ragfleet_session_v1_CreateSessionRequest, _ragfleet_session_v1_CreateSessionRequest__Output>
        CreateSessionResponse: MessageTypeDefinition<_ragfleet_session_v1_CreateSessionResponse, _ragfleet_session_v1_CreateSessionResponse__Output>
        DeleteSessionRequest: MessageTypeDefinition<_ragfleet_session_v1_DeleteSessionRequest, _ragfleet_session_v1_DeleteSessionRequest__Output>
        DeleteSessionResponse: MessageTypeDefinition<_ragfleet_session_v1_DeleteSessionResponse, _ragfleet_session_v1_DeleteSessionResponse__Output>
        GetSessionRequest: MessageTypeDefinition<_ragfleet_session_v1_GetSessionRequest, _ragfleet_session_v1_GetSessionRequest__Output>
        GetSessionResponse: MessageTypeDefinition<_ragfleet_session_v1_GetSessionResponse, _ragfleet_session_v1_GetSessionResponse__Output>
        GetStatsRequest: MessageTypeDefinition<_ragfleet_session_v1_GetStatsRequest, _ragfleet_session_v1_GetStatsRequest__Output>
        GetStatsResponse: MessageTypeDefinition<_ragfleet_session_v1_GetStatsResponse, _ragfleet_session_v1_GetStatsResponse__Output>
        ListSessionsRequest: MessageTypeDefinition<_ragfleet_session_v1_ListSessionsRequest, _ragfleet_session_v1_ListSessionsRequest__Output>
        ListSessionsResponse: MessageTypeDefinition<_ragfleet_session_v1_ListSessionsResponse, _ragfleet_session_v1_ListSessionsResponse__Output>
        Message: MessageTypeDefinition<_ragfleet_session_v1_Message, _ragfleet_session_v1_Message__Output>
        ResumeTurnRequest: MessageTypeDefinition<_ragfleet_session_v1_ResumeTurnRequest, _ragfleet_session_v1_ResumeTurnRequest__Output>
        ResumeTurnResponse: MessageTypeDefinition<_ragfleet_session_v1_ResumeTurnResponse, _ragfleet_session_v1_ResumeTurnResponse__Output>
        Role: EnumTypeDefinition
        Session: MessageTypeDefinition<_ragfleet_session_v1_Session, _ragfleet_session_v1_Session__Output>
        SessionService: SubtypeConstructor<typeof grpc.Client, _ragfleet_session_v1_SessionServiceClient> & { service: _ragfleet_session_v1_SessionServiceDefinition }
        TurnError: MessageTypeDefinition<_ragfleet_session_v1_TurnError, _ragfleet_session_v1_TurnError__Output>
        TurnEvent: MessageTypeDefinition<_ragfleet_session_v1_TurnEvent, _ragfleet_session_v1_TurnEvent__Output>
        TurnRequest: MessageTypeDefinition<_ragfleet_session_v1_TurnRequest, _ragfleet_session_v1_TurnRequest__Output>
        TurnResponse: MessageTypeDefinition<_ragfleet_session_v1_TurnResponse, _ragfleet_session_v1_TurnResponse__Output>
        TurnStarted: MessageTypeDefinition<_ragfleet_session_v1_TurnStarted, _ragfleet_session_v1_TurnStarted__Output>
        TurnStatus: EnumTypeDefinition
      }
    }
  }
}

