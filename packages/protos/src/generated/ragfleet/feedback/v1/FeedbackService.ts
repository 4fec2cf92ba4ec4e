// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetRecommendationRequest as _ragfleet_feedback_v1_GetRecommendationRequest, GetRecommendationRequest__Output as _ragfleet_feedback_v1_GetRecommendationRequest__Output } from '../../../ragfleet/feedback/v1/GetRecommendationRequest';
import type { GetRecommendationResponse as _ragfleet_feedback_v1_GetRecommendationResponse, GetRecommendationResponse__Output as _ragfleet_feedback_v1_GetRecommendationResponse__Output } from '../../../ragfleet/feedback/v1/GetRecommendationResponse';
import type { GetStatsRequest as _ragfleet_feedback_v1_GetStatsRequest, GetStatsRequest__Output as _ragfleet_feedback_v1_GetStatsRequest__Output } from '../../../ragfleet/feedback/v1/GetStatsRequest';
import type { GetStatsResponse as _ragfleet_feedback_v1_GetStatsResponse, GetStatsResponse__Output as _ragfleet_feedback_v1_GetStatsResponse__Output } from '../../../ragfleet/feedback/v1/GetStatsResponse';
import type { ListRecommendationsRequest as _ragfleet_feedback_v1_ListRecommendationsRequest, ListRecommendationsRequest__Output as _ragfleet_feedback_v1_ListRecommendationsRequest__Output } from '../../../ragfleet/feedback/v1/ListRecommendationsRequest';
import type { ListRecommendationsResponse as _ragfleet_feedback_v1_ListRecommendationsResponse, ListRecommendationsResponse__Output as _ragfleet_feedback_v1_ListRecommendationsResponse__Output } from '../../../ragfleet/feedback/v1/ListRecommendationsResponse';
import type { RecordAnswerFeedbackRequest as _ragfleet_feedback_v1_RecordAnswerFeedbackRequest, RecordAnswerFeedbackRequest__Output as _ragfleet_feedback_v1_RecordAnswerFeedbackRequest__Output } from '../../../ragfleet/feedback/v1/RecordAnswerFeedbackRequest';
import type { RecordAnswerFeedbackResponse as _ragfleet_feedback_v1_RecordAnswerFeedbackResponse, RecordAnswerFeedbackResponse__Output as _ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output } from '../../../ragfleet/feedback/v1/RecordAnswerFeedbackResponse';
import type { RecordGeneratedRequest as _ragfleet_feedback_v1_RecordGeneratedRequest, RecordGeneratedRequest__Output as _ragfleet_feedback_v1_RecordGeneratedRequest__Output } from '../../../ragfleet/feedback/v1/RecordGeneratedRequest';
import type { RecordGeneratedResponse as _ragfleet_feedback_v1_RecordGeneratedResponse, RecordGeneratedResponse__Output as _ragfleet_feedback_v1_RecordGeneratedResponse__Output } from '../../../ragfleet/feedback/v1/RecordGeneratedResponse';
import type { TransitionRequest as _ragfleet_feedback_v1_TransitionRequest, TransitionRequest__Output as _ragfleet_feedback_v1_TransitionRequest__Output } from '../../../ragfleet/feedback/v1/TransitionRequest';
import type { TransitionResponse as _ragfleet_feedback_v1_TransitionResponse, TransitionResponse__Output as _ragfleet_feedback_v1_TransitionResponse__Output } from '../../../ragfleet/feedback/v1/TransitionResponse';

export interface FeedbackServiceClient extends grpc.Client {
  GetRecommendation(argument: _ragfleet_feedback_v1_GetRecommendationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetRecommendationResponse__Output>): grpc.ClientUnaryCall;
  GetRecommendation(argument: _ragfleet_feedback_v1_GetRecommendationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetRecommendationResponse__Output>): grpc.ClientUnaryCall;
  GetRecommendation(argument: _ragfleet_feedback_v1_GetRecommendationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetRecommendationResponse__Output>): grpc.ClientUnaryCall;
  GetRecommendation(argument: _ragfleet_feedback_v1_GetRecommendationRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetRecommendationResponse__Output>): grpc.ClientUnaryCall;
  getRecommendation(argument: _ragfleet_feedback_v1_GetRecommendationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetRecommendationResponse__Output>): grpc.ClientUnaryCall;
  getRecommendation(argument: _ragfleet_feedback_v1_GetRecommendationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetRecommendationResponse__Output>): grpc.ClientUnaryCall;
  getRecommendation(argument: _ragfleet_feedback_v1_GetRecommendationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetRecommendationResponse__Output>): grpc.ClientUnaryCall;
  getRecommendation(argument: _ragfleet_feedback_v1_GetRecommendationRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetRecommendationResponse__Output>): grpc.ClientUnaryCall;
  
  GetStats(argument: _ragfleet_feedback_v1_GetStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _ragfleet_feedback_v1_GetStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _ragfleet_feedback_v1_GetStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _ragfleet_feedback_v1_GetStatsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _ragfleet_feedback_v1_GetStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _ragfleet_feedback_v1_GetStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _ragfleet_feedback_v1_GetStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _ragfleet_feedback_v1_GetStatsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  
  ListRecommendations(argument: _ragfleet_feedback_v1_ListRecommendationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListRecommendationsResponse__Output>): grpc.ClientUnaryCall;
  ListRecommendations(argument: _ragfleet_feedback_v1_ListRecommendationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListRecommendationsResponse__Output>): grpc.ClientUnaryCall;
  ListRecommendations(argument: _ragfleet_feedback_v1_ListRecommendationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListRecommendationsResponse__Output>): grpc.ClientUnaryCall;
  ListRecommendations(argument: _ragfleet_feedback_v1_ListRecommendationsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListRecommendationsResponse__Output>): grpc.ClientUnaryCall;
  listRecommendations(argument: _ragfleet_feedback_v1_ListRecommendationsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListRecommendationsResponse__Output>): grpc.ClientUnaryCall;
  listRecommendations(argument: _ragfleet_feedback_v1_ListRecommendationsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListRecommendationsResponse__Output>): grpc.ClientUnaryCall;
  listRecommendations(argument: _ragfleet_feedback_v1_ListRecommendationsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListRecommendationsResponse__Output>): grpc.ClientUnaryCall;
  listRecommendations(argument: _ragfleet_feedback_v1_ListRecommendationsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListRecommendationsResponse__Output>): grpc.ClientUnaryCall;
  
  RecordAnswerFeedback(argument: _ragfleet_feedback_v1_RecordAnswerFeedbackRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output>): grpc.ClientUnaryCall;
  RecordAnswerFeedback(argument: _ragfleet_feedback_v1_RecordAnswerFeedbackRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output>): grpc.ClientUnaryCall;
  RecordAnswerFeedback(argument: _ragfleet_feedback_v1_RecordAnswerFeedbackRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output>): grpc.ClientUnaryCall;
  RecordAnswerFeedback(argument: _ragfleet_feedback_v1_RecordAnswerFeedbackRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output>): grpc.ClientUnaryCall;
  recordAnswerFeedback(argument: _ragfleet_feedback_v1_RecordAnswerFeedbackRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output>): grpc.ClientUnaryCall;
  recordAnswerFeedback(argument: _ragfleet_feedback_v1_RecordAnswerFeedbackRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output>): grpc.ClientUnaryCall;
  recordAnswerFeedback(argument: _ragfleet_feedback_v1_RecordAnswerFeedbackRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output>): grpc.ClientUnaryCall;
  recordAnswerFeedback(argument: _ragfleet_feedback_v1_RecordAnswerFeedbackRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output>): grpc.ClientUnaryCall;
  
  RecordGenerated(argument: _ragfleet_feedback_v1_RecordGeneratedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordGeneratedResponse__Output>): grpc.ClientUnaryCall;
  RecordGenerated(argument: _ragfleet_feedback_v1_RecordGeneratedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordGeneratedResponse__Output>): grpc.ClientUnaryCall;
  RecordGenerated(argument: _ragfleet_feedback_v1_RecordGeneratedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordGeneratedResponse__Output>): grpc.ClientUnaryCall;
  RecordGenerated(argument: _ragfleet_feedback_v1_RecordGeneratedRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordGeneratedResponse__Output>): grpc.ClientUnaryCall;
  recordGenerated(argument: _ragfleet_feedback_v1_RecordGeneratedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordGeneratedResponse__Output>): grpc.ClientUnaryCall;
  recordGenerated(argument: _ragfleet_feedback_v1_RecordGeneratedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordGeneratedResponse__Output>): grpc.ClientUnaryCall;
  recordGenerated(argument: _ragfleet_feedback_v1_RecordGeneratedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordGeneratedResponse__Output>): grpc.ClientUnaryCall;
  recordGenerated(argument: _ragfleet_feedback_v1_RecordGeneratedRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_RecordGeneratedResponse__Output>): grpc.ClientUnaryCall;
  
  Transition(argument: _ragfleet_feedback_v1_TransitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  Transition(argument: _ragfleet_feedback_v1_TransitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  Transition(argument: _ragfleet_feedback_v1_TransitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  Transition(argument: _ragfleet_feedback_v1_TransitionRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  transition(argument: _ragfleet_feedback_v1_TransitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  transition(argument: _ragfleet_feedback_v1_TransitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  transition(argument: _ragfleet_feedback_v1_TransitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  transition(argument: _ragfleet_feedback_v1_TransitionRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_TransitionResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface FeedbackServiceHandlers extends grpc.UntypedServiceImplementation {
  GetRecommendation: grpc.handleUnaryCall<_ragfleet_feedback_v1_GetRecommendationRequest__Output, _ragfleet_feedback_v1_GetRecommendationResponse>;
  
  GetStats: grpc.handleUnaryCall<_ragfleet_feedback_v1_GetStatsRequest__Output, _ragfleet_feedback_v1_GetStatsResponse>;
  
  ListRecommendations: grpc.handleUnaryCall<_ragfleet_feedback_v1_ListRecommendationsRequest__Output, _ragfleet_feedback_v1_ListRecommendationsResponse>;
  
  RecordAnswerFeedback: grpc.handleUnaryCall<_ragfleet_feedback_v1_RecordAnswerFeedbackRequest__Output, _ragfleet_feedback_v1_RecordAnswerFeedbackResponse>;
  
  RecordGenerated: grpc.handleUnaryCall<_ragfleet_feedback_v1_RecordGeneratedRequest__Output, _ragfleet_feedback_v1_RecordGeneratedResponse>;
  
  Transition: grpc.handleUnaryCall<_ragfleet_feedback_v1_TransitionRequest__Output, _ragfleet_feedback_v1_TransitionResponse>;
  
}

export interface FeedbackServiceDefinition extends grpc.ServiceDefinition {
  GetRecommendation: MethodDefinition<_ragfleet_feedback_v1_GetRecommendationRequest, _ragfleet_feedback_v1_GetRecommendationResponse, _ragfleet_feedback_v1_GetRecommendationRequest__Output, _ragfleet_feedback_v1_GetRecommendationResponse__Output>
  GetStats: MethodDefinition<_ragfleet_feedback_v1_GetStatsRequest, _ragfleet_feedback_v1_GetStatsResponse, _ragfleet_feedback_v1_GetStatsRequest__Output, _ragfleet_feedback_v1_GetStatsResponse__Output>
  ListRecommendations: MethodDefinition<_ragfleet_feedback_v1_ListRecommendationsRequest, _ragfleet_feedback_v1_ListRecommendationsResponse, _ragfleet_feedback_v1_ListRecommendationsRequest__Output, _ragfleet_feedback_v1_ListRecommendationsResponse__Output>
  RecordAnswerFeedback: MethodDefinition<_ragfleet_feedback_v1_RecordAnswerFeedbackRequest, _ragfleet_feedback_v1_RecordAnswerFeedbackResponse, _ragfleet_feedback_v1_RecordAnswerFeedbackRequest__Output, _ragfleet_feedback_v1_RecordAnswerFeedbackResponse__Output>
  RecordGenerated: MethodDefinition<_ragfleet_feedback_v1_RecordGeneratedRequest, _ragfleet_feedback_v1_RecordGeneratedResponse, _ragfleet_feedback_v1_RecordGeneratedRequest__Output, _ragfleet_feedback_v1_RecordGeneratedResponse__Output>
  Transition: MethodDefinition<_ragfleet_feedback_v1_TransitionRequest, _ragfleet_feedback_v1_TransitionResponse, _ragfleet_feedback_v1_TransitionRequest__Output, _ragfleet_feedback_v1_TransitionResponse__Output>
}
