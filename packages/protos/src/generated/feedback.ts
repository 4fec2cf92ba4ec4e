import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CategoryStats as _ragfleet_feedback_v1_CategoryStats, CategoryStats__Output as _ragfleet_feedback_v1_CategoryStats__Output } from './ragfleet/feedback/v1/CategoryStats';
import type { CreateSubjectRequest as _ragfleet_feedback_v1_CreateSubjectRequest, CreateSubjectRequest__Output as _ragfleet_feedback_v1_CreateSubjectRequest__Output } from './ragfleet/feedback/v1/CreateSubjectRequest';
import type { CreateSubjectResponse as _ragfleet_feedback_v1_CreateSubjectResponse, CreateSubjectResponse__Output as _ragfleet_feedback_v1_CreateSubjectResponse__Output } from './ragfleet/feedback/v1/CreateSubjectResponse';
import type { ExpectedEffects as _ragfleet_feedback_v1_ExpectedEffects, ExpectedEffects__Output as _ragfleet_feedback_v1_ExpectedEffects__Output } from './ragfleet/feedback/v1/ExpectedEffects';
import type { FactorScore as _ragfleet_feedback_v1_FactorScore, FactorScore__Output as _ragfleet_feedback_v1_FactorScore__Output } from './ragfleet/feedback/v1/FactorScore';
import type { FactorWeight as _ragfleet_feedback_v1_FactorWeight, FactorWeight__Output as _ragfleet_feedback_v1_FactorWeight__Output } from './ragfleet/feedback/v1/FactorWeight';
import type { FeedbackServiceClient as _ragfleet_feedback_v1_FeedbackServiceClient, FeedbackServiceDefinition as _ragfleet_feedback_v1_FeedbackServiceDefinition } from './ragfleet/feedback/v1/FeedbackService';
import type { FitReport as _ragfleet_feedback_v1_FitReport, FitReport__Output as _ragfleet_feedback_v1_FitReport__Output } from './ragfleet/feedback/v1/FitReport';
import type { FitWeightsRequest as _ragfleet_feedback_v1_FitWeightsRequest, FitWeightsRequest__Output as _ragfleet_feedback_v1_FitWeightsRequest__Output } from './ragfleet/feedback/v1/FitWeightsRequest';
import type { FitWeightsResponse as _ragfleet_feedback_v1_FitWeightsResponse, FitWeightsResponse__Output as _ragfleet_feedback_v1_FitWeightsResponse__Output } from './ragfleet/feedback/v1/FitWeightsResponse';
import type { GetActiveWeightsRequest as _ragfleet_feedback_v1_GetActiveWeightsRequest, GetActiveWeightsRequest__Output as _ragfleet_feedback_v1_GetActiveWeightsRequest__Output } from './ragfleet/feedback/v1/GetActiveWeightsRequest';
import type { GetActiveWeightsResponse as _ragfleet_feedback_v1_GetActiveWeightsResponse, GetActiveWeightsResponse__Output as _ragfleet_feedback_v1_GetActiveWeightsResponse__Output } from './ragfleet/feedback/v1/GetActiveWeightsResponse';
import type { GetRecommendationRequest as _ragfleet_feedback_v1_GetRecommendationRequest, GetRecommendationRequest__Output as _ragfleet_feedback_v1_GetRecommendationRequest__Output } from './ragfleet/feedback/v1/GetRecommendationRequest';
import type { GetRecommendationResponse as _ragfleet_feedback_v1_GetRecommendationResponse, GetRecommendationResponse__Output as _ragfleet_feedback_v1_GetRecommendationResponse__Output } from './ragfleet/feedback/v1/GetRecommendationResponse';
import type { GetStatsRequest as _ragfleet_feedback_v1_GetStatsRequest, GetStatsRequest__Output as _ragfleet_feedback_v1_GetStatsRequest__Output } from './ragfleet/feedback/v1/GetStatsRequest';
import type { GetStatsResponse as _ragfleet_feedback_v1_GetStatsResponse, GetStatsResponse__Output as _ragfleet_feedback_v1_GetStatsResponse__Output } from './ragfleet/feedback/v1/GetStatsResponse';
import type { GetSubjectRequest as _ragfleet_feedback_v1_GetSubjectRequest, GetSubjectRequest__Output as _ragfleet_feedback_v1_GetSubjectRequest__Output } from './ragfleet/feedback/v1/GetSubjectRequest';
import type { GetSubjectResponse as _ragfleet_feedback_v1_GetSubjectResponse, GetSubjectResponse__Output as _ragfleet_feedback_v1_GetSubjectResponse__Output } from './ragfleet/feedback/v1/GetSubjectResponse';
import type { ListRecommendationsRequest as _ragfleet_feedback_v1_ListRecommendationsRequest, ListRecommendationsRequest__Output as _ragfleet_feedback_v1_ListRecommendationsRequest__Output } from './ragfleet/feedback/v1/ListRecommendationsRequest';
import type { ListRecommendationsResponse as _ragfleet_feedback_v1_ListRecommendationsResponse, ListRecommendationsResponse__Output as _ragfleet_feedback_v1_ListRecommendationsResponse__Output } from './ragfleet/feedback/v1/ListRecommendationsResponse';
import type { ListSubjectsRequest as _ragfleet_feedback_v1_ListSubjectsRequest, ListSubjectsRequest__Output as _ragfleet_feedback_v1_ListSubjectsRequest__Output } from './ragfleet/feedback/v1/ListSubjectsRequest';
import type { ListSubjectsResponse as _ragfleet_feedback_v1_ListSubjectsResponse, ListSubjectsResponse__Output as _ragfleet_feedback_v1_ListSubjectsResponse__Output } from './ragfleet/feedback/v1/ListSubjectsResponse';
import type { ListWeightsRequest as _ragfleet_feedback_v1_ListWeightsRequest, ListWeightsRequest__Output as _ragfleet_feedback_v1_ListWeightsRequest__Output } from './ragfleet/feedback/v1/ListWeightsRequest';
import type { ListWeightsResponse as _ragfleet_feedback_v1_ListWeightsResponse, ListWeightsResponse__Output as _ragfleet_feedback_v1_ListWeightsResponse__Output } from './ragfleet/feedback/v1/ListWeightsResponse';
import type { MetricCollection as _ragfleet_feedback_v1_MetricCollection, MetricCollection__Output as _ragfleet_feedback_v1_MetricCollection__Output } from './ragfleet/feedback/v1/MetricCollection';
import type { MetricItem as _ragfleet_feedback_v1_MetricItem, MetricItem__Output as _ragfleet_feedback_v1_MetricItem__Output } from './ragfleet/feedback/v1/MetricItem';
import type { MetricSnapshot as _ragfleet_feedback_v1_MetricSnapshot, MetricSnapshot__Output as _ragfleet_feedback_v1_MetricSnapshot__Output } from './ragfleet/feedback/v1/MetricSnapshot';
import type { Outcome as _ragfleet_feedback_v1_Outcome, Outcome__Output as _ragfleet_feedback_v1_Outcome__Output } from './ragfleet/feedback/v1/Outcome';
import type { PutMetricsRequest as _ragfleet_feedback_v1_PutMetricsRequest, PutMetricsRequest__Output as _ragfleet_feedback_v1_PutMetricsRequest__Output } from './ragfleet/feedback/v1/PutMetricsRequest';
import type { PutMetricsResponse as _ragfleet_feedback_v1_PutMetricsResponse, PutMetricsResponse__Output as _ragfleet_feedback_v1_PutMetricsResponse__Output } from './ragfleet/feedback/v1/PutMetricsResponse';
import type { Recommendation as _ragfleet_feedback_v1_Recommendation, Recommendation__Output as _ragfleet_feedback_v1_Recommendation__Output } from './ragfleet/feedback/v1/Recommendation';
import type { RecommendationRecord as _ragfleet_feedback_v1_RecommendationRecord, RecommendationRecord__Output as _ragfleet_feedback_v1_RecommendationRecord__Output } from './ragfleet/feedback/v1/RecommendationRecord';
import type { RecordAnswerFeedbackRequest as _ragfleet_feedback_v1_RecordAnswerFeedbackRequest, RecordAnswerFeedbackRequest__Output as _ragfleet_feedback_v1_RecordAnswerFeedbackRequest__Output } from './ragfleet/feedback/v1/RecordAnswerFeedbackRequest';
import type { RecordAnswerFeedbackResponse as _ragfleet_feedback_v1_RecordAnswerFeedbackResponse, RecordAnswerFeedbackResponse__Output as _ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output } from './ragfleet/feedback/v1/RecordAnswerFeedbackResponse';
import type { RecordGeneratedRequest as _ragfleet_feedback_v1_RecordGeneratedRequest, RecordGeneratedRequest__Output as _ragfleet_feedback_v1_RecordGeneratedRequest__Output } from './ragfleet/feedback/v1/RecordGeneratedRequest';
import type { RecordGeneratedResponse as _ragfleet_feedback_v1_RecordGeneratedResponse, RecordGeneratedResponse__Output as _ragfleet_feedback_v1_RecordGeneratedResponse__Output } from './ragfleet/feedback/v1/RecordGeneratedResponse';
import type { RollbackWeightsRequest as _ragfleet_feedback_v1_RollbackWeightsRequest, RollbackWeightsRequest__Output as _ragfleet_feedback_v1_RollbackWeightsRequest__Output } from './ragfleet/feedback/v1/RollbackWeightsRequest';
import type { RollbackWeightsResponse as _ragfleet_feedback_v1_RollbackWeightsResponse, RollbackWeightsResponse__Output as _ragfleet_feedback_v1_RollbackWeightsResponse__Output } from './ragfleet/feedback/v1/RollbackWeightsResponse';
import type { StageChange as _ragfleet_feedback_v1_StageChange, StageChange__Output as _ragfleet_feedback_v1_StageChange__Output } from './ragfleet/feedback/v1/StageChange';
import type { Subject as _ragfleet_feedback_v1_Subject, Subject__Output as _ragfleet_feedback_v1_Subject__Output } from './ragfleet/feedback/v1/Subject';
import type { SubjectServiceClient as _ragfleet_feedback_v1_SubjectServiceClient, SubjectServiceDefinition as _ragfleet_feedback_v1_SubjectServiceDefinition } from './ragfleet/feedback/v1/SubjectService';
import type { TransitionRequest as _ragfleet_feedback_v1_TransitionRequest, TransitionRequest__Output as _ragfleet_feedback_v1_TransitionRequest__Output } from './ragfleet/feedback/v1/TransitionRequest';
import type { TransitionResponse as _ragfleet_feedback_v1_TransitionResponse, TransitionResponse__Output as _ragfleet_feedback_v1_TransitionResponse__Output } from './ragfleet/feedback/v1/TransitionResponse';
import type { WeightsServiceClient as _ragfleet_feedback_v1_WeightsServiceClient, WeightsServiceDefinition as _ragfleet_feedback_v1_WeightsServiceDefinition } from './ragfleet/feedback/v1/WeightsService';
import type { WeightsVersion as _ragfleet_feedback_v1_WeightsVersion, WeightsVersion__Output as _ragfleet_feedback_v1_WeightsVersion__Output } from './ragfleet/feedback/v1/WeightsVersion';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ragfleet: {
    feedback: {
      v1: {
        CategoryStats: MessageTypeDefinition<_ragfleet_feedback_v1_CategoryStats, _ragfleet_feedback_v1_CategoryStats__Output>
        CreateSubjectRequest: MessageTypeDefinition<_ragfleet_feedback_v1_CreateSubjectRequest, _ragfleet_feedback_v1_CreateSubjectRequest__Output>
        CreateSubjectResponse: MessageTypeDefinition<_ragfleet_feedback_v1_CreateSubjectResponse, _ragfleet_feedback_v1_CreateSubjectResponse__Output>
        ExpectedEffects: MessageTypeDefinition<_ragfleet_feedback_v1_ExpectedEffects, _ragfleet_feedback_v1_ExpectedEffects__Output>
        FactorScore: MessageTypeDefinition<_ragfleet_feedback_v1_FactorScore, _ragfleet_feedback_v1_FactorScore__Output>
        FactorWeight: MessageTypeDefinition<_ragfleet_feedback_v1_FactorWeight, _ragfleet_feedback_v1_FactorWeight__Output>
        FeedbackService: SubtypeConstructor<typeof grpc.Client, _ragfleet_feedback_v1_FeedbackServiceClient> & { service: _ragfleet_feedback_v1_FeedbackServiceDefinition }
        FitReport: MessageTypeDefinition<_ragfleet_feedback_v1_FitReport, _ragfleet_feedback_v1_FitReport__Output>
        FitWeightsRequest: MessageTypeDefinition<_ragfleet_feedback_v1_FitWeightsRequest, _ragfleet_feedback_v1_FitWeightsRequest__Output>
        FitWeightsResponse: MessageTypeDefinition<_ragfleet_feedback_v1_FitWeightsResponse, _ragfleet_feedback_v1_FitWeightsResponse__Output>
        GetActiveWeightsRequest: MessageTypeDefinition<_ragfleet_feedback_v1_GetActiveWeightsRequest, _ragfleet_feedback_v1_GetActiveWeightsRequest__Output>
        GetActiveWeightsResponse: MessageTypeDefinition<_ragfleet_feedback_v1_GetActiveWeightsResponse, _ragfleet_feedback_v1_GetActiveWeightsResponse__Output>
        GetRecommendationRequest: MessageTypeDefinition<_ragfleet_feedback_v1_GetRecommendationRequest, _ragfleet_feedback_v1_GetRecommendationRequest__Output>
        GetRecommendationResponse: MessageTypeDefinition<_ragfleet_feedback_v1_GetRecommendationResponse, _ragfleet_feedback_v1_GetRecommendationResponse__Output>
        GetStatsRequest: MessageTypeDefinition<_ragfleet_feedback_v1_GetStatsRequest, _ragfleet_feedback_v1_GetStatsRequest__Output>
        GetStatsResponse: MessageTypeDefinition<_ragfleet_feedback_v1_GetStatsResponse, _ragfleet_feedback_v1_GetStatsResponse__Output>
        GetSubjectRequest: MessageTypeDefinition<_ragfleet_feedback_v1_GetSubjectRequest, _ragfleet_feedback_v1_GetSubjectRequest__Output>
        GetSubjectResponse: MessageTypeDefinition<_ragfleet_feedback_v1_GetSubjectResponse, _ragfleet_feedback_v1_GetSubjectResponse__Output>
        ListRecommendationsRequest: MessageTypeDefinition<_ragfleet_feedback_v1_ListRecommendationsRequest, _ragfleet_feedback_v1_ListRecommendationsRequest__Output>
        ListRecommendationsResponse: MessageTypeDefinition<_ragfleet_feedback_v1_ListRecommendationsResponse, _ragfleet_feedback_v1_ListRecommendationsResponse__Output>
        ListSubjectsRequest: MessageTypeDefinition<_ragfleet_feedback_v1_ListSubjectsRequest, _ragfleet_feedback_v1_ListSubjectsRequest__Output>
        ListSubjectsResponse: MessageTypeDefinition<_ragfleet_feedback_v1_ListSubjectsResponse, _ragfleet_feedback_v1_ListSubjectsResponse__Output>
        ListWeightsRequest: MessageTypeDefinition<_ragfleet_feedback_v1_ListWeightsRequest, _ragfleet_feedback_v1_ListWeightsRequest__Output>
        ListWeightsResponse: MessageTypeDefinition<_ragfleet_feedback_v1_ListWeightsResponse, _ragfleet_feedback_v1_ListWeightsResponse__Output>
        MetricCollection: MessageTypeDefinition<_ragfleet_feedback_v1_MetricCollection, _ragfleet_feedback_v1_MetricCollection__Output>
        MetricItem: MessageTypeDefinition<_ragfleet_feedback_v1_MetricItem, _ragfleet_feedback_v1_MetricItem__Output>
        MetricSnapshot: MessageTypeDefinition<_ragfleet_feedback_v1_MetricSnapshot, _ragfleet_feedback_v1_MetricSnapshot__Output>
        Outcome: MessageTypeDefinition<_ragfleet_feedback_v1_Outcome, _ragfleet_feedback_v1_Outcome__Output>
        PutMetricsRequest: MessageTypeDefinition<_ragfleet_feedback_v1_PutMetricsRequest, _ragfleet_feedback_v1_PutMetricsRequest__Output>
        PutMetricsResponse: MessageTypeDefinition<_ragfleet_feedback_v1_PutMetricsResponse, _ragfleet_feedback_v1_PutMetricsResponse__Output>
        Rating: EnumTypeDefinition
        Recommendation: MessageTypeDefinition<_ragfleet_feedback_v1_Recommendation, _ragfleet_feedback_v1_Recommendation__Output>
        RecommendationRecord: MessageTypeDefinition<_ragfleet_feedback_v1_RecommendationRecord, _ragfleet_feedback_v1_RecommendationRecord__Output>
        RecordAnswerFeedbackRequest: MessageTypeDefinition<_ragfleet_feedback_v1_RecordAnswerFeedbackRequest, _ragfleet_feedback_v1_RecordAnswerFeedbackRequest__Output>
        RecordAnswerFeedbackResponse: MessageTypeDefinition<_ragfleet_feedback_v1_RecordAnswerFeedbackResponse, _ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output>
        RecordGeneratedRequest: MessageTypeDefinition<_ragfleet_feedback_v1_RecordGeneratedRequest, _ragfleet_feedback_v1_RecordGeneratedRequest__Output>
        RecordGeneratedResponse: MessageTypeDefinition<_ragfleet_feedback_v1_RecordGeneratedResponse, _ragfleet_feedback_v1_RecordGeneratedResponse__Output>
        RollbackWeightsRequest: MessageTypeDefinition<_ragfleet_feedback_v1_RollbackWeightsRequest, _ragfleet_feedback_v1_RollbackWeightsRequest__Output>
        RollbackWeightsResponse: MessageTypeDefinition<_ragfleet_feedback_v1_RollbackWeightsResponse, _ragfleet_feedback_v1_RollbackWeightsResponse__Output>
        Stage: EnumTypeDefinition
        StageChange: MessageTypeDefinition<_ragfleet_feedback_v1_StageChange, _ragfleet_feedback_v1_StageChange__Output>
        Subject: MessageTypeDefinition<_ragfleet_feedback_v1_Subject, _ragfleet_feedback_v1_Subject__Output>
        SubjectService: SubtypeConstructor<typeof grpc.Client, _ragfleet_feedback_v1_SubjectServiceClient> & { service: _ragfleet_feedback_v1_SubjectServiceDefinition }
        TransitionRequest: MessageTypeDefinition<_ragfleet_feedback_v1_TransitionRequest, _ragfleet_feedback_v1_TransitionRequest__Output>
        TransitionResponse: MessageTypeDefinition<_ragfleet_feedback_v1_TransitionResponse, _ragfleet_feedback_v1_TransitionResponse__Output>
        WeightsService: SubtypeConstructor<typeof grpc.Client, _ragfleet_feedback_v1_WeightsServiceClient> & { service: _ragfleet_feedback_v1_WeightsServiceDefinition }
        WeightsVersion: MessageTypeDefinition<_ragfleet_feedback_v1_WeightsVersion, _ragfleet_feedback_v1_WeightsVersion__Output>
      }
    }
  }
}

