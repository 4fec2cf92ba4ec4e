// Original file: protos/ragfleet/retrieve/v1/retrieve.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DeleteDocumentRequest as _ragfleet_retrieve_v1_DeleteDocumentRequest, DeleteDocumentRequest__Output as _ragfleet_retrieve_v1_DeleteDocumentRequest__Output } from '../../../ragfleet/retrieve/v1/DeleteDocumentRequest';
import type { DeleteDocumentResponse as _ragfleet_retrieve_v1_DeleteDocumentResponse, DeleteDocumentResponse__Output as _ragfleet_retrieve_v1_DeleteDocumentResponse__Output } from '../../../ragfleet/retrieve/v1/DeleteDocumentResponse';
import type { GetDocumentRequest as _ragfleet_retrieve_v1_GetDocumentRequest, GetDocumentRequest__Output as _ragfleet_retrieve_v1_GetDocumentRequest__Output } from '../../../ragfleet/retrieve/v1/GetDocumentRequest';
import type { GetDocumentResponse as _ragfleet_retrieve_v1_GetDocumentResponse, GetDocumentResponse__Output as _ragfleet_retrieve_v1_GetDocumentResponse__Output } from '../../../ragfleet/retrieve/v1/GetDocumentResponse';
import type { GetJobRequest as _ragfleet_retrieve_v1_GetJobRequest, GetJobRequest__Output as _ragfleet_retrieve_v1_GetJobRequest__Output } from '../../../ragfleet/retrieve/v1/GetJobRequest';
import type { GetJobResponse as _ragfleet_retrieve_v1_GetJobResponse, GetJobResponse__Output as _ragfleet_retrieve_v1_GetJobResponse__Output } from '../../../ragfleet/retrieve/v1/GetJobResponse';
import type { IngestDocumentsRequest as _ragfleet_retrieve_v1_IngestDocumentsRequest, IngestDocumentsRequest__Output as _ragfleet_retrieve_v1_IngestDocumentsRequest__Output } from '../../../ragfleet/retrieve/v1/IngestDocumentsRequest';
import type { IngestDocumentsResponse as _ragfleet_retrieve_v1_IngestDocumentsResponse, IngestDocumentsResponse__Output as _ragfleet_retrieve_v1_IngestDocumentsResponse__Output } from '../../../ragfleet/retrieve/v1/IngestDocumentsResponse';
import type { SearchRequest as _ragfleet_retrieve_v1_SearchRequest, SearchRequest__Output as _ragfleet_retrieve_v1_SearchRequest__Output } from '../../../ragfleet/retrieve/v1/SearchRequest';
import type { SearchResponse as _ragfleet_retrieve_v1_SearchResponse, SearchResponse__Output as _ragfleet_retrieve_v1_SearchResponse__Output } from '../../../ragfleet/retrieve/v1/SearchResponse';

export interface RetrieveServiceClient extends grpc.Client {
  DeleteDocument(argument: _ragfleet_retrieve_v1_DeleteDocumentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  DeleteDocument(argument: _ragfleet_retrieve_v1_DeleteDocumentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  DeleteDocument(argument: _ragfleet_retrieve_v1_DeleteDocumentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  DeleteDocument(argument: _ragfleet_retrieve_v1_DeleteDocumentRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  deleteDocument(argument: _ragfleet_retrieve_v1_DeleteDocumentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  deleteDocument(argument: _ragfleet_retrieve_v1_DeleteDocumentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  deleteDocument(argument: _ragfleet_retrieve_v1_DeleteDocumentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  deleteDocument(argument: _ragfleet_retrieve_v1_DeleteDocumentRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  
  GetDocument(argument: _ragfleet_retrieve_v1_GetDocumentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetDocumentResponse__Output>): grpc.ClientUnaryCall;
  GetDocument(argument: _ragfleet_retrieve_v1_GetDocumentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetDocumentResponse__Output>): grpc.ClientUnaryCall;
  GetDocument(argument: _ragfleet_retrieve_v1_GetDocumentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetDocumentResponse__Output>): grpc.ClientUnaryCall;
  GetDocument(argument: _ragfleet_retrieve_v1_GetDocumentRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetDocumentResponse__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _ragfleet_retrieve_v1_GetDocumentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetDocumentResponse__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _ragfleet_retrieve_v1_GetDocumentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetDocumentResponse__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _ragfleet_retrieve_v1_GetDocumentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetDocumentResponse__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _ragfleet_retrieve_v1_GetDocumentRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetDocumentResponse__Output>): grpc.ClientUnaryCall;
  
  GetJob(argument: _ragfleet_retrieve_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _ragfleet_retrieve_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _ragfleet_retrieve_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _ragfleet_retrieve_v1_GetJobRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  getJob(argument: _ragfleet_retrieve_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  getJob(argument: _ragfleet_retrieve_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  getJob(argument: _ragfleet_retrieve_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  getJob(argument: _ragfleet_retrieve_v1_GetJobRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  
  IngestDocuments(argument: _ragfleet_retrieve_v1_IngestDocumentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_IngestDocumentsResponse__Output>): grpc.ClientUnaryCall;
  IngestDocuments(argument: _ragfleet_retrieve_v1_IngestDocumentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_IngestDocumentsResponse__Output>): grpc.ClientUnaryCall;
  IngestDocuments(argument: _ragfleet_retrieve_v1_IngestDocumentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_IngestDocumentsResponse__Output>): grpc.ClientUnaryCall;
  IngestDocuments(argument: _ragfleet_retrieve_v1_IngestDocumentsRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_IngestDocumentsResponse__Output>): grpc.ClientUnaryCall;
  ingestDocuments(argument: _ragfleet_retrieve_v1_IngestDocumentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_IngestDocumentsResponse__Output>): grpc.ClientUnaryCall;
  ingestDocuments(argument: _ragfleet_retrieve_v1_IngestDocumentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_IngestDocumentsResponse__Output>): grpc.ClientUnaryCall;
  ingestDocuments(argument: _ragfleet_retrieve_v1_IngestDocumentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_IngestDocumentsResponse__Output>): grpc.ClientUnaryCall;
  ingestDocuments(argument: _ragfleet_retrieve_v1_IngestDocumentsRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_IngestDocumentsResponse__Output>): grpc.ClientUnaryCall;
  
  Search(argument: _ragfleet_retrieve_v1_SearchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _ragfleet_retrieve_v1_SearchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _ragfleet_retrieve_v1_SearchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  Search(argument: _ragfleet_retrieve_v1_SearchRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _ragfleet_retrieve_v1_SearchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _ragfleet_retrieve_v1_SearchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_retrieve_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _ragfleet_retrieve_v1_SearchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_retrieve_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  search(argument: _ragfleet_retrieve_v1_SearchRequest, callback: grpc.requestCallback<_ragfleet_retrieve_v1_SearchResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface RetrieveServiceHandlers extends grpc.UntypedServiceImplementation {
  DeleteDocument: grpc.handleUnaryCall<_ragfleet_retrieve_v1_DeleteDocumentRequest__Output, _ragfleet_retrieve_v1_DeleteDocumentResponse>;
  
  GetDocument: grpc.handleUnaryCall<_ragfleet_retrieve_v1_GetDocumentRequest__Output, _ragfleet_retrieve_v1_GetDocumentResponse>;
  
  GetJob: grpc.handleUnaryCall<_ragfleet_retrieve_v1_GetJobRequest__Output, _ragfleet_retrieve_v1_GetJobResponse>;
  
  IngestDocuments: grpc.handleUnaryCall<_ragfleet_retrieve_v1_IngestDocumentsRequest__Output, _ragfleet_retrieve_v1_IngestDocumentsResponse>;
  
  Search: grpc.handleUnaryCall<_ragfleet_retrieve_v1_SearchRequest__Output, _ragfleet_retrieve_v1_SearchResponse>;
  
}

export interface RetrieveServiceDefinition extends grpc.ServiceDefinition {
  DeleteDocument: MethodDefinition<_ragfleet_retrieve_v1_DeleteDocumentRequest, _ragfleet_retrieve_v1_DeleteDocumentResponse, _ragfleet_retrieve_v1_DeleteDocumentRequest__Output, _ragfleet_retrieve_v1_DeleteDocumentResponse__Output>
  GetDocument: MethodDefinition<_ragfleet_retrieve_v1_GetDocumentRequest, _ragfleet_retrieve_v1_GetDocumentResponse, _ragfleet_retrieve_v1_GetDocumentRequest__Output, _ragfleet_retrieve_v1_GetDocumentResponse__Output>
  GetJob: MethodDefinition<_ragfleet_retrieve_v1_GetJobRequest, _ragfleet_retrieve_v1_GetJobResponse, _ragfleet_retrieve_v1_GetJobRequest__Output, _ragfleet_retrieve_v1_GetJobResponse__Output>
  IngestDocuments: MethodDefinition<_ragfleet_retrieve_v1_IngestDocumentsRequest, _ragfleet_retrieve_v1_IngestDocumentsResponse, _ragfleet_retrieve_v1_IngestDocumentsRequest__Output, _ragfleet_retrieve_v1_IngestDocumentsResponse__Output>
  Search: MethodDefinition<_ragfleet_retrieve_v1_SearchRequest, _ragfleet_retrieve_v1_SearchResponse, _ragfleet_retrieve_v1_SearchRequest__Output, _ragfleet_retrieve_v1_SearchResponse__Output>
}
