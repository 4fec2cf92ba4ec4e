// Original file: protos/ragfleet/recommend/v1/recommend.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetScorerStateRequest as _ragfleet_recommend_v1_GetScorerStateRequest, GetScorerStateRequest__Output as _ragfleet_recommend_v1_GetScorerStateRequest__Output } from '../../../ragfleet/recommend/v1/GetScorerStateRequest';
import type { GetScorerStateResponse as _ragfleet_recommend_v1_GetScorerStateResponse, GetScorerStateResponse__Output as _ragfleet_recommend_v1_GetScorerStateResponse__Output } from '../../../ragfleet/recommend/v1/GetScorerStateResponse';
import type { RecommendRequest as _ragfleet_recommend_v1_RecommendRequest, RecommendRequest__Output as _ragfleet_recommend_v1_RecommendRequest__Output } from '../../../ragfleet/recommend/v1/RecommendRequest';
import type { RecommendResponse as _ragfleet_recommend_v1_RecommendResponse, RecommendResponse__Output as _ragfleet_recommend_v1_RecommendResponse__Output } from '../../../ragfleet/recommend/v1/RecommendResponse';
import type { ScoreRequest as _ragfleet_recommend_v1_ScoreRequest, ScoreRequest__Output as _ragfleet_recommend_v1_ScoreRequest__Output } from '../../../ragfleet/recommend/v1/ScoreRequest';
import type { ScoreResponse as _ragfleet_recommend_v1_ScoreResponse, ScoreResponse__Output as _ragfleet_recommend_v1_ScoreResponse__Output } from '../../../ragfleet/recommend/v1/ScoreResponse';

export interface RecommendServiceClient extends grpc.Client {
  GetScorerState(argument: _ragfleet_recommend_v1_GetScorerStateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_recommend_v1_GetScorerStateResponse__Output>): grpc.ClientUnaryCall;
  GetScorerState(argument: _ragfleet_recommend_v1_GetScorerStateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_recommend_v1_GetScorerStateResponse__Output>): grpc.ClientUnaryCall;
  GetScorerState(argument: _ragfleet_recommend_v1_GetScorerStateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_recommend_v1_GetScorerStateResponse__Output>): grpc.ClientUnaryCall;
  GetScorerState(argument: _ragfleet_recommend_v1_GetScorerStateRequest, callback: grpc.requestCallback<_ragfleet_recommend_v1_GetScorerStateResponse__Output>): grpc.ClientUnaryCall;
  getScorerState(argument: _ragfleet_recommend_v1_GetScorerStateRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_recommend_v1_GetScorerStateResponse__Output>): grpc.ClientUnaryCall;
  getScorerState(argument: _ragfleet_recommend_v1_GetScorerStateRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_recommend_v1_GetScorerStateResponse__Output>): grpc.ClientUnaryCall;
  getScorerState(argument: _ragfleet_recommend_v1_GetScorerStateRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_recommend_v1_GetScorerStateResponse__Output>): grpc.ClientUnaryCall;
  getScorerState(argument: _ragfleet_recommend_v1_GetScorerStateRequest, callback: grpc.requestCallback<_ragfleet_recommend_v1_GetScorerStateResponse__Output>): grpc.ClientUnaryCall;
  
  Recommend(argument: _ragfleet_recommend_v1_RecommendRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_recommend_v1_RecommendResponse__Output>;
  Recommend(argument: _ragfleet_recommend_v1_RecommendRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_recommend_v1_RecommendResponse__Output>;
  recommend(argument: _ragfleet_recommend_v1_RecommendRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_recommend_v1_RecommendResponse__Output>;
  recommend(argument: _ragfleet_recommend_v1_RecommendRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_recommend_v1_RecommendResponse__Output>;
  
  Score(argument: _ragfleet_recommend_v1_ScoreRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_recommend_v1_ScoreResponse__Output>): grpc.ClientUnaryCall;
  Score(argument: _ragfleet_recommend_v1_ScoreRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_recommend_v1_ScoreResponse__Output>): grpc.ClientUnaryCall;
  Score(argument: _ragfleet_recommend_v1_ScoreRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_recommend_v1_ScoreResponse__Output>): grpc.ClientUnaryCall;
  Score(argument: _ragfleet_recommend_v1_ScoreRequest, callback: grpc.requestCallback<_ragfleet_recommend_v1_ScoreResponse__Output>): grpc.ClientUnaryCall;
  score(argument: _ragfleet_recommend_v1_ScoreRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_recommend_v1_ScoreResponse__Output>): grpc.ClientUnaryCall;
  score(argument: _ragfleet_recommend_v1_ScoreRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_recommend_v1_ScoreResponse__Output>): grpc.ClientUnaryCall;
  score(argument: _ragfleet_recommend_v1_ScoreRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_recommend_v1_ScoreResponse__Output>): grpc.ClientUnaryCall;
  score(argument: _ragfleet_recommend_v1_ScoreRequest, callback: grpc.requestCallback<_ragfleet_recommend_v1_ScoreResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface RecommendServiceHandlers extends grpc.UntypedServiceImplementation {
  GetScorerState: grpc.handleUnaryCall<_ragfleet_recommend_v1_GetScorerStateRequest__Output, _ragfleet_recommend_v1_GetScorerStateResponse>;
  
  Recommend: grpc.handleServerStreamingCall<_ragfleet_recommend_v1_RecommendRequest__Output, _ragfleet_recommend_v1_RecommendResponse>;
  
  Score: grpc.handleUnaryCall<_ragfleet_recommend_v1_ScoreRequest__Output, _ragfleet_recommend_v1_ScoreResponse>;
  
}

export interface RecommendServiceDefinition extends grpc.ServiceDefinition {
  GetScorerState: MethodDefinition<_ragfleet_recommend_v1_GetScorerStateRequest, _ragfleet_recommend_v1_GetScorerStateResponse, _ragfleet_recommend_v1_GetScorerStateRequest__Output, _ragfleet_recommend_v1_GetScorerStateResponse__Output>
  Recommend: MethodDefinition<_ragfleet_recommend_v1_RecommendRequest, _ragfleet_recommend_v1_RecommendResponse, _ragfleet_recommend_v1_RecommendRequest__Output, _ragfleet_recommend_v1_RecommendResponse__Output>
  Score: MethodDefinition<_ragfleet_recommend_v1_ScoreRequest, _ragfleet_recommend_v1_ScoreResponse, _ragfleet_recommend_v1_ScoreRequest__Output, _ragfleet_recommend_v1_ScoreResponse__Output>
}
