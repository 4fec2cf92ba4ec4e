// Original file: protos/ragfleet/session/v1/session.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateSessionRequest as _ragfleet_session_v1_CreateSessionRequest, CreateSessionRequest__Output as _ragfleet_session_v1_CreateSessionRequest__Output } from '../../../ragfleet/session/v1/CreateSessionRequest';
import type { CreateSessionResponse as _ragfleet_session_v1_CreateSessionResponse, CreateSessionResponse__Output as _ragfleet_session_v1_CreateSessionResponse__Output } from '../../../ragfleet/session/v1/CreateSessionResponse';
import type { DeleteSessionRequest as _ragfleet_session_v1_DeleteSessionRequest, DeleteSessionRequest__Output as _ragfleet_session_v1_DeleteSessionRequest__Output } from '../../../ragfleet/session/v1/DeleteSessionRequest';
import type { DeleteSessionResponse as _ragfleet_session_v1_DeleteSessionResponse, DeleteSessionResponse__Output as _ragfleet_session_v1_DeleteSessionResponse__Output } from '../../../ragfleet/session/v1/DeleteSessionResponse';
import type { GetSessionRequest as _ragfleet_session_v1_GetSessionRequest, GetSessionRequest__Output as _ragfleet_session_v1_GetSessionRequest__Output } from '../../../ragfleet/session/v1/GetSessionRequest';
import type { GetSessionResponse as _ragfleet_session_v1_GetSessionResponse, GetSessionResponse__Output as _ragfleet_session_v1_GetSessionResponse__Output } from '../../../ragfleet/session/v1/GetSessionResponse';
import type { GetStatsRequest as _ragfleet_session_v1_GetStatsRequest, GetStatsRequest__Output as _ragfleet_session_v1_GetStatsRequest__Output } from '../../../ragfleet/session/v1/GetStatsRequest';
import type { GetStatsResponse as _ragfleet_session_v1_GetStatsResponse, GetStatsResponse__Output as _ragfleet_session_v1_GetStatsResponse__Output } from '../../../ragfleet/session/v1/GetStatsResponse';
import type { ListSessionsRequest as _ragfleet_session_v1_ListSessionsRequest, ListSessionsRequest__Output as _ragfleet_session_v1_ListSessionsRequest__Output } from '../../../ragfleet/session/v1/ListSessionsRequest';
import type { ListSessionsResponse as _ragfleet_session_v1_ListSessionsResponse, ListSessionsResponse__Output as _ragfleet_session_v1_ListSessionsResponse__Output } from '../../../ragfleet/session/v1/ListSessionsResponse';
import type { ResumeTurnRequest as _ragfleet_session_v1_ResumeTurnRequest, ResumeTurnRequest__Output as _ragfleet_session_v1_ResumeTurnRequest__Output } from '../../../ragfleet/session/v1/ResumeTurnRequest';
import type { ResumeTurnResponse as _ragfleet_session_v1_ResumeTurnResponse, ResumeTurnResponse__Output as _ragfleet_session_v1_ResumeTurnResponse__Output } from '../../../ragfleet/session/v1/ResumeTurnResponse';
import type { TurnRequest as _ragfleet_session_v1_TurnRequest, TurnRequest__Output as _ragfleet_session_v1_TurnRequest__Output } from '../../../ragfleet/session/v1/TurnRequest';
import type { TurnResponse as _ragfleet_session_v1_TurnResponse, TurnResponse__Output as _ragfleet_session_v1_TurnResponse__Output } from '../../../ragfleet/session/v1/TurnResponse';

export interface SessionServiceClient extends grpc.Client {
  CreateSession(argument: _ragfleet_session_v1_CreateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _ragfleet_session_v1_CreateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_session_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _ragfleet_session_v1_CreateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  CreateSession(argument: _ragfleet_session_v1_CreateSessionRequest, callback: grpc.requestCallback<_ragfleet_session_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  createSession(argument: _ragfleet_session_v1_CreateSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  createSession(argument: _ragfleet_session_v1_CreateSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_session_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  createSession(argument: _ragfleet_session_v1_CreateSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  createSession(argument: _ragfleet_session_v1_CreateSessionRequest, callback: grpc.requestCallback<_ragfleet_session_v1_CreateSessionResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteSession(argument: _ragfleet_session_v1_DeleteSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  DeleteSession(argument: _ragfleet_session_v1_DeleteSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_session_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  DeleteSession(argument: _ragfleet_session_v1_DeleteSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  DeleteSession(argument: _ragfleet_session_v1_DeleteSessionRequest, callback: grpc.requestCallback<_ragfleet_session_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  deleteSession(argument: _ragfleet_session_v1_DeleteSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  deleteSession(argument: _ragfleet_session_v1_DeleteSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_session_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  deleteSession(argument: _ragfleet_session_v1_DeleteSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  deleteSession(argument: _ragfleet_session_v1_DeleteSessionRequest, callback: grpc.requestCallback<_ragfleet_session_v1_DeleteSessionResponse__Output>): grpc.ClientUnaryCall;
  
  GetSession(argument: _ragfleet_session_v1_GetSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_GetSessionResponse__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _ragfleet_session_v1_GetSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_session_v1_GetSessionResponse__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _ragfleet_session_v1_GetSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_GetSessionResponse__Output>): grpc.ClientUnaryCall;
  GetSession(argument: _ragfleet_session_v1_GetSessionRequest, callback: grpc.requestCallback<_ragfleet_session_v1_GetSessionResponse__Output>): grpc.ClientUnaryCall;
  getSession(argument: _ragfleet_session_v1_GetSessionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_GetSessionResponse__Output>): grpc.ClientUnaryCall;
  getSession(argument: _ragfleet_session_v1_GetSessionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_session_v1_GetSessionResponse__Output>): grpc.ClientUnaryCall;
  getSession(argument: _ragfleet_session_v1_GetSessionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_GetSessionResponse__Output>): grpc.ClientUnaryCall;
  getSession(argument: _ragfleet_session_v1_GetSessionRequest, callback: grpc.requestCallback<_ragfleet_session_v1_GetSessionResponse__Output>): grpc.ClientUnaryCall;
  
  GetStats(argument: _ragfleet_session_v1_GetStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _ragfleet_session_v1_GetStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_session_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _ragfleet_session_v1_GetStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  GetStats(argument: _ragfleet_session_v1_GetStatsRequest, callback: grpc.requestCallback<_ragfleet_session_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _ragfleet_session_v1_GetStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _ragfleet_session_v1_GetStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_session_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _ragfleet_session_v1_GetStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  getStats(argument: _ragfleet_session_v1_GetStatsRequest, callback: grpc.requestCallback<_ragfleet_session_v1_GetStatsResponse__Output>): grpc.ClientUnaryCall;
  
  ListSessions(argument: _ragfleet_session_v1_ListSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _ragfleet_session_v1_ListSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _ragfleet_session_v1_ListSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  ListSessions(argument: _ragfleet_session_v1_ListSessionsRequest, callback: grpc.requestCallback<_ragfleet_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _ragfleet_session_v1_ListSessionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _ragfleet_session_v1_ListSessionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _ragfleet_session_v1_ListSessionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  listSessions(argument: _ragfleet_session_v1_ListSessionsRequest, callback: grpc.requestCallback<_ragfleet_session_v1_ListSessionsResponse__Output>): grpc.ClientUnaryCall;
  
  ResumeTurn(argument: _ragfleet_session_v1_ResumeTurnRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_session_v1_ResumeTurnResponse__Output>;
  ResumeTurn(argument: _ragfleet_session_v1_ResumeTurnRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_session_v1_ResumeTurnResponse__Output>;
  resumeTurn(argument: _ragfleet_session_v1_ResumeTurnRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_session_v1_ResumeTurnResponse__Output>;
  resumeTurn(argument: _ragfleet_session_v1_ResumeTurnRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_session_v1_ResumeTurnResponse__Output>;
  
  Turn(argument: _ragfleet_session_v1_TurnRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_session_v1_TurnResponse__Output>;
  Turn(argument: _ragfleet_session_v1_TurnRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_session_v1_TurnResponse__Output>;
  turn(argument: _ragfleet_session_v1_TurnRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_session_v1_TurnResponse__Output>;
  turn(argument: _ragfleet_session_v1_TurnRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_session_v1_TurnResponse__Output>;
  
}

export interface SessionServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateSession: grpc.handleUnaryCall<_ragfleet_session_v1_CreateSessionRequest__Output, _ragfleet_session_v1_CreateSessionResponse>;
  
  DeleteSession: grpc.handleUnaryCall<_ragfleet_session_v1_DeleteSessionRequest__Output, _ragfleet_session_v1_DeleteSessionResponse>;
  
  GetSession: grpc.handleUnaryCall<_ragfleet_session_v1_GetSessionRequest__Output, _ragfleet_session_v1_GetSessionResponse>;
  
  GetStats: grpc.handleUnaryCall<_ragfleet_session_v1_GetStatsRequest__Output, _ragfleet_session_v1_GetStatsResponse>;
  
  ListSessions: grpc.handleUnaryCall<_ragfleet_session_v1_ListSessionsRequest__Output, _ragfleet_session_v1_ListSessionsResponse>;
  
  ResumeTurn: grpc.handleServerStreamingCall<_ragfleet_session_v1_ResumeTurnRequest__Output, _ragfleet_session_v1_ResumeTurnResponse>;
  
  Turn: grpc.handleServerStreamingCall<_ragfleet_session_v1_TurnRequest__Output, _ragfleet_session_v1_TurnResponse>;
  
}

export interface SessionServiceDefinition extends grpc.ServiceDefinition {
  CreateSession: MethodDefinition<_ragfleet_session_v1_CreateSessionRequest, _ragfleet_session_v1_CreateSessionResponse, _ragfleet_session_v1_CreateSessionRequest__Output, _ragfleet_session_v1_CreateSessionResponse__Output>
  DeleteSession: MethodDefinition<_ragfleet_session_v1_DeleteSessionRequest, _ragfleet_session_v1_DeleteSessionResponse, _ragfleet_session_v1_DeleteSessionRequest__Output, _ragfleet_session_v1_DeleteSessionResponse__Output>
  GetSession: MethodDefinition<_ragfleet_session_v1_GetSessionRequest, _ragfleet_session_v1_GetSessionResponse, _ragfleet_session_v1_GetSessionRequest__Output, _ragfleet_session_v1_GetSessionResponse__Output>
  GetStats: MethodDefinition<_ragfleet_session_v1_GetStatsRequest, _ragfleet_session_v1_GetStatsResponse, _ragfleet_session_v1_GetStatsRequest__Output, _ragfleet_session_v1_GetStatsResponse__Output>
  ListSessions: MethodDefinition<_ragfleet_session_v1_ListSessionsRequest, _ragfleet_session_v1_ListSessionsResponse, _ragfleet_session_v1_ListSessionsRequest__Output, _ragfleet_session_v1_ListSessionsResponse__Output>
  ResumeTurn: MethodDefinition<_ragfleet_session_v1_ResumeTurnRequest, _ragfleet_session_v1_ResumeTurnResponse, _ragfleet_session_v1_ResumeTurnRequest__Output, _ragfleet_session_v1_ResumeTurnResponse__Output>
  Turn: MethodDefinition<_ragfleet_session_v1_TurnRequest, _ragfleet_session_v1_TurnResponse, _ragfleet_session_v1_TurnRequest__Output, _ragfleet_session_v1_TurnResponse__Output>
}
