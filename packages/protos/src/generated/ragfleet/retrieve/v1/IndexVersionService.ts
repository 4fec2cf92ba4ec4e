// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ActivateIndexVersionRequest as _ragfleet_retrieve_v1_ActivateIndexVersionRequest, ActivateIndexVersionRequest__Output as _ragfleet_retrieve_v1_ActivateIndexVersionRequest__Output } from '../../../ragfleet/retrieve/v1/ActivateIndexVersionRequest';
import type { ActivateIndexVersionResponse as _ragfleet_retrieve_v1_ActivateIndexVersionResponse, ActivateIndexVersionResponse__Output as _ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output } from '../../../ragfleet/retrieve/v1/ActivateIndexVersionResponse';
import type { BuildIndexVersionRequest as _ragfleet_retrieve_v1_BuildIndexVersionRequest, BuildIndexVersionRequest__Output as _ragfleet_retrieve_v1_BuildIndexVersionRequest__Output } from '../../../ragfleet/retrieve/v1/BuildIndexVersionRequest';
import type { BuildIndexVersionResponse as _ragfleet_retrieve_v1_BuildIndexVersionResponse, BuildIndexVersionResponse__Output as _ragfleet_retrieve_v1_BuildIndexVersionResponse__Output } from '../../../ragfleet/retrieve/v1/BuildIndexVersionResponse';
import type { GetIndexVersionRequest as _ragfleet_retrieve_v1_GetIndexVersionRequest, GetIndexVersionRequest__Output as _ragfleet_retrieve_v1_GetIndexVersionRequest__Output } from '../../../ragfleet/retrieve/v1/GetIndexVersionRequest';
import type { GetIndexVersionResponse as _ragfleet_retrieve_v1_GetIndexVersionResponse, GetIndexVersionResponse__Output as _ragfleet_retrieve_v1_GetIndexVersionResponse__Output } from '../../../ragfleet/retrieve/v1/GetIndexVersionResponse';
import type { ListIndexVersionsRequest as _ragfleet_retrieve_v1_ListIndexVersionsRequest, ListIndexVersionsRequest__Output as _ragfleet_retrieve_v1_ListIndexVersionsRequest__Output } from '../../../ragfleet/retrieve/v1/ListIndexVersionsRequest';
import type { ListIndexVersionsResponse as _ragfleet_retrieve_v1_ListIndexVersionsResponse, ListIndexVersionsResponse__Output as _ragfleet_retrieve_v1_ListIndexVersionsResponse__Output } from '../../../ragfleet/retrieve/v1/ListIndexVersionsResponse';
import type { RollbackIndexVersionRequest as _ragfleet_retrieve_v1_RollbackIndexVersionRequest, RollbackIndexVersionRequest__Output as _ragfleet_retrieve_v1_RollbackIndexVersionRequest__Output } from '../../../ragfleet/retrieve/v1/RollbackIndexVersionRequest';
import type { RollbackIndexVersionResponse as _ragfleet_retrieve_v1_RollbackIndexVersionResponse, RollbackIndexVersionResponse__Output as _ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output } from '../../../ragfleet/retrieve/v1/RollbackIndexVersionResponse';

export interface IndexVersionServiceClient extends grpc.Client {
  ActivateIndexVersion(argument: _ragfleet_retrieve_v1_ActivateIndexVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  ActivateIndexVersion(argument: _ragfleet_retrieve_v1_ActivateIndexVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  ActivateIndexVersion(argument: _ragfleet_retrieve_v1_ActivateIndexVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  ActivateIndexVersion(argument: _ragfleet_retrieve_v1_ActivateIndexVersionRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  activateIndexVersion(argument: _ragfleet_retrieve_v1_ActivateIndexVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  activateIndexVersion(argument: _ragfleet_retrieve_v1_ActivateIndexVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  activateIndexVersion(argument: _ragfleet_retrieve_v1_ActivateIndexVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  activateIndexVersion(argument: _ragfleet_retrieve_v1_ActivateIndexVersionRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  
  BuildIndexVersion(argument: _ragfleet_retrieve_v1_BuildIndexVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_BuildIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  BuildIndexVersion(argument: _ragfleet_retrieve_v1_BuildIndexVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_BuildIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  BuildIndexVersion(argument: _ragfleet_retrieve_v1_BuildIndexVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_BuildIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  BuildIndexVersion(argument: _ragfleet_retrieve_v1_BuildIndexVersionRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_BuildIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  buildIndexVersion(argument: _ragfleet_retrieve_v1_BuildIndexVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_BuildIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  buildIndexVersion(argument: _ragfleet_retrieve_v1_BuildIndexVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_BuildIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  buildIndexVersion(argument: _ragfleet_retrieve_v1_BuildIndexVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_BuildIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  buildIndexVersion(argument: _ragfleet_retrieve_v1_BuildIndexVersionRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_BuildIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  
  GetIndexVersion(argument: _ragfleet_retrieve_v1_GetIndexVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  GetIndexVersion(argument: _ragfleet_retrieve_v1_GetIndexVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  GetIndexVersion(argument: _ragfleet_retrieve_v1_GetIndexVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  GetIndexVersion(argument: _ragfleet_retrieve_v1_GetIndexVersionRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  getIndexVersion(argument: _ragfleet_retrieve_v1_GetIndexVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  getIndexVersion(argument: _ragfleet_retrieve_v1_GetIndexVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  getIndexVersion(argument: _ragfleet_retrieve_v1_GetIndexVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  getIndexVersion(argument: _ragfleet_retrieve_v1_GetIndexVersionRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  
  ListIndexVersions(argument: _ragfleet_retrieve_v1_ListIndexVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ListIndexVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListIndexVersions(argument: _ragfleet_retrieve_v1_ListIndexVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ListIndexVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListIndexVersions(argument: _ragfleet_retrieve_v1_ListIndexVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ListIndexVersionsResponse__Output>): grpc.ClientUnaryCall;
  ListIndexVersions(argument: _ragfleet_retrieve_v1_ListIndexVersionsRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ListIndexVersionsResponse__Output>): grpc.ClientUnaryCall;
  listIndexVersions(argument: _ragfleet_retrieve_v1_ListIndexVersionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ListIndexVersionsResponse__Output>): grpc.ClientUnaryCall;
  listIndexVersions(argument: _ragfleet_retrieve_v1_ListIndexVersionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ListIndexVersionsResponse__Output>): grpc.ClientUnaryCall;
  listIndexVersions(argument: _ragfleet_retrieve_v1_ListIndexVersionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ListIndexVersionsResponse__Output>): grpc.ClientUnaryCall;
  listIndexVersions(argument: _ragfleet_retrieve_v1_ListIndexVersionsRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_ListIndexVersionsResponse__Output>): grpc.ClientUnaryCall;
  
  RollbackIndexVersion(argument: _ragfleet_retrieve_v1_RollbackIndexVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  RollbackIndexVersion(argument: _ragfleet_retrieve_v1_RollbackIndexVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  RollbackIndexVersion(argument: _ragfleet_retrieve_v1_RollbackIndexVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  RollbackIndexVersion(argument: _ragfleet_retrieve_v1_RollbackIndexVersionRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  rollbackIndexVersion(argument: _ragfleet_retrieve_v1_RollbackIndexVersionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  rollbackIndexVersion(argument: _ragfleet_retrieve_v1_RollbackIndexVersionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  rollbackIndexVersion(argument: _ragfleet_retrieve_v1_RollbackIndexVersionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  rollbackIndexVersion(argument: _ragfleet_retrieve_v1_RollbackIndexVersionRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface IndexVersionServiceHandlers extends grpc.UntypedServiceImplementation {
  ActivateIndexVersion: grpc.handleUnaryCall<_ragfleet_retrieve_v1_ActivateIndexVersionRequest__Output, _ragfleet_retrieve_v1_ActivateIndexVersionResponse>;
  
  BuildIndexVersion: grpc.handleUnaryCall<_ragfleet_retrieve_v1_BuildIndexVersionRequest__Output, _ragfleet_retrieve_v1_BuildIndexVersionResponse>;
  
  GetIndexVersion: grpc.handleUnaryCall<_ragfleet_retrieve_v1_GetIndexVersionRequest__Output, _ragfleet_retrieve_v1_GetIndexVersionResponse>;
  
  ListIndexVersions: grpc.handleUnaryCall<_ragfleet_retrieve_v1_ListIndexVersionsRequest__Output, _ragfleet_retrieve_v1_ListIndexVersionsResponse>;
  
  RollbackIndexVersion: grpc.handleUnaryCall<_ragfleet_retrieve_v1_RollbackIndexVersionRequest__Output, _ragfleet_retrieve_v1_RollbackIndexVersionResponse>;
  
}

export interface IndexVersionServiceDefinition extends grpc.ServiceDefinition {
  ActivateIndexVersion: MethodDefinition<_ragfleet_retrieve_v1_ActivateIndexVersionRequest, _ragfleet_retrieve_v1_ActivateIndexVersionResponse, _ragfleet_retrieve_v1_ActivateIndexVersionRequest__Output, _ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output>
  BuildIndexVersion: MethodDefinition<_ragfleet_retrieve_v1_BuildIndexVersionRequest, _ragfleet_retrieve_v1_BuildIndexVersionResponse, _ragfleet_retrieve_v1_BuildIndexVersionRequest__Output, _ragfleet_retrieve_v1_BuildIndexVersionResponse__Output>
  GetIndexVersion: MethodDefinition<_ragfleet_retrieve_v1_GetIndexVersionRequest, _ragfleet_retrieve_v1_GetIndexVersionResponse, _ragfleet_retrieve_v1_GetIndexVersionRequest__Output, _ragfleet_retrieve_v1_GetIndexVersionResponse__Output>
  ListIndexVersions: MethodDefinition<_ragfleet_retrieve_v1_ListIndexVersionsRequest, _ragfleet_retrieve_v1_ListIndexVersionsResponse, _ragfleet_retrieve_v1_ListIndexVersionsRequest__Output, _ragfleet_retrieve_v1_ListIndexVersionsResponse__Output>
  RollbackIndexVersion: MethodDefinition<_ragfleet_retrieve_v1_RollbackIndexVersionRequest, _ragfleet_retrieve_v1_RollbackIndexVersionResponse, _ragfleet_retrieve_v1_RollbackIndexVersionRequest__Output, _ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output>
}
