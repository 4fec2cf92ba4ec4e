// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateSubjectRequest as _ragfleet_feedback_v1_CreateSubjectRequest, CreateSubjectRequest__Output as _ragfleet_feedback_v1_CreateSubjectRequest__Output } from '../../../ragfleet/feedback/v1/CreateSubjectRequest';
import type { CreateSubjectResponse as _ragfleet_feedback_v1_CreateSubjectResponse, CreateSubjectResponse__Output as _ragfleet_feedback_v1_CreateSubjectResponse__Output } from '../../../ragfleet/feedback/v1/CreateSubjectResponse';
import type { GetSubjectRequest as _ragfleet_feedback_v1_GetSubjectRequest, GetSubjectRequest__Output as _ragfleet_feedback_v1_GetSubjectRequest__Output } from '../../../ragfleet/feedback/v1/GetSubjectRequest';
import type { GetSubjectResponse as _ragfleet_feedback_v1_GetSubjectResponse, GetSubjectResponse__Output as _ragfleet_feedback_v1_GetSubjectResponse__Output } from '../../../ragfleet/feedback/v1/GetSubjectResponse';
import type { ListSubjectsRequest as _ragfleet_feedback_v1_ListSubjectsRequest, ListSubjectsRequest__Output as _ragfleet_feedback_v1_ListSubjectsRequest__Output } from '../../../ragfleet/feedback/v1/ListSubjectsRequest';
import type { ListSubjectsResponse as _ragfleet_feedback_v1_ListSubjectsResponse, ListSubjectsResponse__Output as _ragfleet_feedback_v1_ListSubjectsResponse__Output } from '../../../ragfleet/feedback/v1/ListSubjectsResponse';
import type { PutMetricsRequest as _ragfleet_feedback_v1_PutMetricsRequest, PutMetricsRequest__Output as _ragfleet_feedback_v1_PutMetricsRequest__Output } from '../../../ragfleet/feedback/v1/PutMetricsRequest';
import type { PutMetricsResponse as _ragfleet_feedback_v1_PutMetricsResponse, PutMetricsResponse__Output as _ragfleet_feedback_v1_PutMetricsResponse__Output } from '../../../ragfleet/feedback/v1/PutMetricsResponse';

export interface SubjectServiceClient extends grpc.Client {
  CreateSubject(argument: _ragfleet_feedback_v1_CreateSubjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_CreateSubjectResponse__Output>): grpc.ClientUnaryCall;
  CreateSubject(argument: _ragfleet_feedback_v1_CreateSubjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_CreateSubjectResponse__Output>): grpc.ClientUnaryCall;
  CreateSubject(argument: _ragfleet_feedback_v1_CreateSubjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_CreateSubjectResponse__Output>): grpc.ClientUnaryCall;
  CreateSubject(argument: _ragfleet_feedback_v1_CreateSubjectRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_CreateSubjectResponse__Output>): grpc.ClientUnaryCall;
  createSubject(argument: _ragfleet_feedback_v1_CreateSubjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_CreateSubjectResponse__Output>): grpc.ClientUnaryCall;
  createSubject(argument: _ragfleet_feedback_v1_CreateSubjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_CreateSubjectResponse__Output>): grpc.ClientUnaryCall;
  createSubject(argument: _ragfleet_feedback_v1_CreateSubjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_CreateSubjectResponse__Output>): grpc.ClientUnaryCall;
  createSubject(argument: _ragfleet_feedback_v1_CreateSubjectRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_CreateSubjectResponse__Output>): grpc.ClientUnaryCall;
  
  GetSubject(argument: _ragfleet_feedback_v1_GetSubjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetSubjectResponse__Output>): grpc.ClientUnaryCall;
  GetSubject(argument: _ragfleet_feedback_v1_GetSubjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetSubjectResponse__Output>): grpc.ClientUnaryCall;
  GetSubject(argument: _ragfleet_feedback_v1_GetSubjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetSubjectResponse__Output>): grpc.ClientUnaryCall;
  GetSubject(argument: _ragfleet_feedback_v1_GetSubjectRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetSubjectResponse__Output>): grpc.ClientUnaryCall;
  getSubject(argument: _ragfleet_feedback_v1_GetSubjectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetSubjectResponse__Output>): grpc.ClientUnaryCall;
  getSubject(argument: _ragfleet_feedback_v1_GetSubjectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetSubjectResponse__Output>): grpc.ClientUnaryCall;
  getSubject(argument: _ragfleet_feedback_v1_GetSubjectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetSubjectResponse__Output>): grpc.ClientUnaryCall;
  getSubject(argument: _ragfleet_feedback_v1_GetSubjectRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_GetSubjectResponse__Output>): grpc.ClientUnaryCall;
  
  ListSubjects(argument: _ragfleet_feedback_v1_ListSubjectsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListSubjectsResponse__Output>): grpc.ClientUnaryCall;
  ListSubjects(argument: _ragfleet_feedback_v1_ListSubjectsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListSubjectsResponse__Output>): grpc.ClientUnaryCall;
  ListSubjects(argument: _ragfleet_feedback_v1_ListSubjectsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListSubjectsResponse__Output>): grpc.ClientUnaryCall;
  ListSubjects(argument: _ragfleet_feedback_v1_ListSubjectsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListSubjectsResponse__Output>): grpc.ClientUnaryCall;
  listSubjects(argument: _ragfleet_feedback_v1_ListSubjectsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListSubjectsResponse__Output>): grpc.ClientUnaryCall;
  listSubjects(argument: _ragfleet_feedback_v1_ListSubjectsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListSubjectsResponse__Output>): grpc.ClientUnaryCall;
  listSubjects(argument: _ragfleet_feedback_v1_ListSubjectsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListSubjectsResponse__Output>): grpc.ClientUnaryCall;
  listSubjects(argument: _ragfleet_feedback_v1_ListSubjectsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_ListSubjectsResponse__Output>): grpc.ClientUnaryCall;
  
  PutMetrics(argument: _ragfleet_feedback_v1_PutMetricsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_PutMetricsResponse__Output>): grpc.ClientUnaryCall;
  PutMetrics(argument: _ragfleet_feedback_v1_PutMetricsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_PutMetricsResponse__Output>): grpc.ClientUnaryCall;
  PutMetrics(argument: _ragfleet_feedback_v1_PutMetricsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_PutMetricsResponse__Output>): grpc.ClientUnaryCall;
  PutMetrics(argument: _ragfleet_feedback_v1_PutMetricsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_PutMetricsResponse__Output>): grpc.ClientUnaryCall;
  putMetrics(argument: _ragfleet_feedback_v1_PutMetricsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_PutMetricsResponse__Output>): grpc.ClientUnaryCall;
  putMetrics(argument: _ragfleet_feedback_v1_PutMetricsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_feedback_v1_PutMetricsResponse__Output>): grpc.ClientUnaryCall;
  putMetrics(argument: _ragfleet_feedback_v1_PutMetricsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_feedback_v1_PutMetricsResponse__Output>): grpc.ClientUnaryCall;
  putMetrics(argument: _ragfleet_feedback_v1_PutMetricsRequest, callback: grpc.requestCallback<_ragfleet_feedback_v1_PutMetricsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface SubjectServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateSubject: grpc.handleUnaryCall<_ragfleet_feedback_v1_CreateSubjectRequest__Output, _ragfleet_feedback_v1_CreateSubjectResponse>;
  
  GetSubject: grpc.handleUnaryCall<_ragfleet_feedback_v1_GetSubjectRequest__Output, _ragfleet_feedback_v1_GetSubjectResponse>;
  
  ListSubjects: grpc.handleUnaryCall<_ragfleet_feedback_v1_ListSubjectsRequest__Output, _ragfleet_feedback_v1_ListSubjectsResponse>;
  
  PutMetrics: grpc.handleUnaryCall<_ragfleet_feedback_v1_PutMetricsRequest__Output, _ragfleet_feedback_v1_PutMetricsResponse>;
  
}

export interface SubjectServiceDefinition extends grpc.ServiceDefinition {
  CreateSubject: MethodDefinition<_ragfleet_feedback_v1_CreateSubjectRequest, _ragfleet_feedback_v1_CreateSubjectResponse, _ragfleet_feedback_v1_CreateSubjectRequest__Output, _ragfleet_feedback_v1_CreateSubjectResponse__Output>
  GetSubject: MethodDefinition<_ragfleet_feedback_v1_GetSubjectRequest, _ragfleet_feedback_v1_GetSubjectResponse, _ragfleet_feedback_v1_GetSubjectRequest__Output, _ragfleet_feedback_v1_GetSubjectResponse__Output>
  ListSubjects: MethodDefinition<_ragfleet_feedback_v1_ListSubjectsRequest, _ragfleet_feedback_v1_ListSubjectsResponse, _ragfleet_feedback_v1_ListSubjectsRequest__Output, _ragfleet_feedback_v1_ListSubjectsResponse__Output>
  PutMetrics: MethodDefinition<_ragfleet_feedback_v1_PutMetricsRequest, _ragfleet_feedback_v1_PutMetricsResponse, _ragfleet_feedback_v1_PutMetricsRequest__Output, _ragfleet_feedback_v1_PutMetricsResponse__Output>
}
