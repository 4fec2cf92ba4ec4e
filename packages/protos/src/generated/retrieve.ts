import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ActivateIndexVersionRequest as _ragfleet_retrieve_v1_ActivateIndexVersionRequest, ActivateIndexVersionRequest__Output as _ragfleet_retrieve_v1_ActivateIndexVersionRequest__Output } from './ragfleet/retrieve/v1/ActivateIndexVersionRequest';
import type { ActivateIndexVersionResponse as _ragfleet_retrieve_v1_ActivateIndexVersionResponse, ActivateIndexVersionResponse__Output as _ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output } from './ragfleet/retrieve/v1/ActivateIndexVersionResponse';
import type { BuildIndexVersionRequest as _ragfleet_retrieve_v1_BuildIndexVersionRequest, BuildIndexVersionRequest__Output as _ragfleet_retrieve_v1_BuildIndexVersionRequest__Output } from './ragfleet/retrieve/v1/BuildIndexVersionRequest';
import type { BuildIndexVersionResponse as _ragfleet_retrieve_v1_BuildIndexVersionResponse, BuildIndexVersionResponse__Output as _ragfleet_retrieve_v1_BuildIndexVersionResponse__Output } from './ragfleet/retrieve/v1/BuildIndexVersionResponse';
import type { ChunkingConfig as _ragfleet_retrieve_v1_ChunkingConfig, ChunkingConfig__Output as _ragfleet_retrieve_v1_ChunkingConfig__Output } from './ragfleet/retrieve/v1/ChunkingConfig';
import type { DeleteDocumentRequest as _ragfleet_retrieve_v1_DeleteDocumentRequest, DeleteDocumentRequest__Output as _ragfleet_retrieve_v1_DeleteDocumentRequest__Output } from './ragfleet/retrieve/v1/DeleteDocumentRequest';
import type { DeleteDocumentResponse as _ragfleet_retrieve_v1_DeleteDocumentResponse, DeleteDocumentResponse__Output as _ragfleet_retrieve_v1_DeleteDocumentResponse__Output } from './ragfleet/retrieve/v1/DeleteDocumentResponse';
import type { Document as _ragfleet_retrieve_v1_Document, Document__Output as _ragfleet_retrieve_v1_Document__Output } from './ragfleet/retrieve/v1/Document';
import type { DocumentInfo as _ragfleet_retrieve_v1_DocumentInfo, DocumentInfo__Output as _ragfleet_retrieve_v1_DocumentInfo__Output } from './ragfleet/retrieve/v1/DocumentInfo';
import type { FusionWeights as _ragfleet_retrieve_v1_FusionWeights, FusionWeights__Output as _ragfleet_retrieve_v1_FusionWeights__Output } from './ragfleet/retrieve/v1/FusionWeights';
import type { GetDocumentRequest as _ragfleet_retrieve_v1_GetDocumentRequest, GetDocumentRequest__Output as _ragfleet_retrieve_v1_GetDocumentRequest__Output } from './ragfleet/retrieve/v1/GetDocumentRequest';
import type { GetDocumentResponse as _ragfleet_retrieve_v1_GetDocumentResponse, GetDocumentResponse__Output as _ragfleet_retrieve_v1_GetDocumentResponse__Output } from './ragfleet/retrieve/v1/GetDocumentResponse';
import type { GetIndexVersionRequest as _ragfleet_retrieve_v1_GetIndexVersionRequest, GetIndexVersionRequest__Output as _ragfleet_retrieve_v1_GetIndexVersionRequest__Output } from './ragfleet/retrieve/v1/GetIndexVersionRequest';
import type { GetIndexVersionResponse as _ragfleet_retrieve_v1_GetIndexVersionResponse, GetIndexVersionResponse__Output as _ragfleet_retrieve_v1_GetIndexVersionResponse__Output } from './ragfleet/retrieve/v1/GetIndexVersionResponse';
import type { GetJobRequest as _ragfleet_retrieve_v1_GetJobRequest, GetJobRequest__Output as _ragfleet_retrieve_v1_GetJobRequest__Output } from './ragfleet/retrieve/v1/GetJobRequest';
import type { GetJobResponse as _ragfleet_retrieve_v1_GetJobResponse, GetJobResponse__Output as _ragfleet_retrieve_v1_GetJobResponse__Output } from './ragfleet/retrieve/v1/GetJobResponse';
import type { IndexVersion as _ragfleet_retrieve_v1_IndexVersion, IndexVersion__Output as _ragfleet_retrieve_v1_IndexVersion__Output } from './ragfleet/retrieve/v1/IndexVersion';
import type { IndexVersionServiceClient as _ragfleet_retrieve_v1_IndexVersionServiceClient, IndexVersionServiceDefinition as _ragfleet_retrieve_v1_IndexVersionServiceDefinition } from './ragfleet/retrieve/v1/IndexVersionService';
import type { IngestDocumentsRequest as _ragfleet_retrieve_v1_IngestDocumentsRequest, IngestDocumentsRequest__Output as _ragfleet_retrieve_v1_IngestDocumentsRequest__Output } from './ragfleet/retrieve/v1/IngestDocumentsRequest';
import type { IngestDocumentsResponse as _ragfleet_retrieve_v1_IngestDocumentsResponse, IngestDocumentsResponse__Output as _ragfleet_retrieve_v1_IngestDocumentsResponse__Output } from './ragfleet/retrieve/v1/IngestDocumentsResponse';
import type { Job as _ragfleet_retrieve_v1_Job, Job__Output as _ragfleet_retrieve_v1_Job__Output } from './ragfleet/retrieve/v1/Job';
import type { LabeledQuery as _ragfleet_retrieve_v1_LabeledQuery, LabeledQuery__Output as _ragfleet_retrieve_v1_LabeledQuery__Output } from './ragfleet/retrieve/v1/LabeledQuery';
import type { ListIndexVersionsRequest as _ragfleet_retrieve_v1_ListIndexVersionsRequest, ListIndexVersionsRequest__Output as _ragfleet_retrieve_v1_ListIndexVersionsRequest__Output } from './ragfleet/retrieve/v1/ListIndexVersionsRequest';
import type { ListIndexVersionsResponse as _ragfleet_retrieve_v1_ListIndexVersionsResponse, ListIndexVersionsResponse__Output as _ragfleet_retrieve_v1_ListIndexVersionsResponse__Output } from './ragfleet/retrieve/v1/ListIndexVersionsResponse';
import type { RelevantDocument as _ragfleet_retrieve_v1_RelevantDocument, RelevantDocument__Output as _ragfleet_retrieve_v1_RelevantDocument__Output } from './ragfleet/retrieve/v1/RelevantDocument';
import type { RetrieveServiceClient as _ragfleet_retrieve_v1_RetrieveServiceClient, RetrieveServiceDefinition as _ragfleet_retrieve_v1_RetrieveServiceDefinition } from './ragfleet/retrieve/v1/RetrieveService';
import type { RollbackIndexVersionRequest as _ragfleet_retrieve_v1_RollbackIndexVersionRequest, RollbackIndexVersionRequest__Output as _ragfleet_retrieve_v1_RollbackIndexVersionRequest__Output } from './ragfleet/retrieve/v1/RollbackIndexVersionRequest';
import type { RollbackIndexVersionResponse as _ragfleet_retrieve_v1_RollbackIndexVersionResponse, RollbackIndexVersionResponse__Output as _ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output } from './ragfleet/retrieve/v1/RollbackIndexVersionResponse';
import type { SearchFilter as _ragfleet_retrieve_v1_SearchFilter, SearchFilter__Output as _ragfleet_retrieve_v1_SearchFilter__Output } from './ragfleet/retrieve/v1/SearchFilter';
import type { SearchHit as _ragfleet_retrieve_v1_SearchHit, SearchHit__Output as _ragfleet_retrieve_v1_SearchHit__Output } from './ragfleet/retrieve/v1/SearchHit';
import type { SearchRequest as _ragfleet_retrieve_v1_SearchRequest, SearchRequest__Output as _ragfleet_retrieve_v1_SearchRequest__Output } from './ragfleet/retrieve/v1/SearchRequest';
import type { SearchResponse as _ragfleet_retrieve_v1_SearchResponse, SearchResponse__Output as _ragfleet_retrieve_v1_SearchResponse__Output } from './ragfleet/retrieve/v1/SearchResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ragfleet: {
    retrieve: {
      v1: {
        ActivateIndexVersionRequest: MessageTypeDefinition<_ragfleet_retrieve_v1_ActivateIndexVersionRequest, _ragfleet_retrieve_v1_ActivateIndexVersionRequest__Output>
        ActivateIndexVersionResponse: MessageTypeDefinition<_ragfleet_retrieve_v1_ActivateIndexVersionResponse, _ragfleet_retrieve_v1_ActivateIndexVersionResponse__Output>
        BuildIndexVersionRequest: MessageTypeDefinition<_ragfleet_retrieve_v1_BuildIndexVersionRequest, _ragfleet_retrieve_v1_BuildIndexVersionRequest__Output>
        BuildIndexVersionResponse: MessageTypeDefinition<_ragfleet_retrieve_v1_BuildIndexVersionResponse, _ragfleet_retrieve_v1_BuildIndexVersionResponse__Output>
        ChunkingConfig: MessageTypeDefinition<_ragfleet_retrieve_v1_ChunkingConfig, _ragfleet_retrieve_v1_ChunkingConfig__Output>
        DeleteDocumentRequest: MessageTypeDefinition<_ragfleet_retrieve_v1_DeleteDocumentRequest, _ragfleet_retrieve_v1_DeleteDocumentRequest__Output>
        DeleteDocumentResponse: MessageTypeDefinition<_ragfleet_retrieve_v1_DeleteDocumentResponse, _ragfleet_retrieve_v1_DeleteDocumentResponse__Output>
        Document: MessageTypeDefinition<_ragfleet_retrieve_v1_Document, _ragfleet_retrieve_v1_Document__Output>
        DocumentInfo: MessageTypeDefinition<_ragfleet_retrieve_v1_DocumentInfo, _ragfleet_retrieve_v1_DocumentInfo__Output>
        FusionWeights: MessageTypeDefinition<_ragfleet_retrieve_v1_FusionWeights, _ragfleet_retrieve_v1_FusionWeights__Output>
        GetDocumentRequest: MessageTypeDefinition<_ragfleet_retrieve_v1_GetDocumentRequest, _ragfleet_retrieve_v1_GetDocumentRequest__Output>
        GetDocumentResponse: MessageTypeDefinition<_ragfleet_retrieve_v1_GetDocumentResponse, _ragfleet_retrieve_v1_GetDocumentResponse__Output>
        GetIndexVersionRequest: MessageTypeDefinition<_ragfleet_retrieve_v1_GetIndexVersionRequest, _ragfleet_retrieve_v1_GetIndexVersionRequest__Output>
        GetIndexVersionResponse: MessageTypeDefinition<_ragfleet_retrieve_v1_GetIndexVersionResponse, _ragfleet_retrieve_v1_GetIndexVersionResponse__Output>
        GetJobRequest: MessageTypeDefinition<_ragfleet_retrieve_v1_GetJobRequest, _ragfleet_retrieve_v1_GetJobRequest__Output>
        GetJobResponse: MessageTypeDefinition<_ragfleet_retrieve_v1_GetJobResponse, _ragfleet_retrieve_v1_GetJobResponse__Output>
        IndexVersion: MessageTypeDefinition<_ragfleet_retrieve_v1_IndexVersion, _ragfleet_retrieve_v1_IndexVersion__Output>
        IndexVersionService: SubtypeConstructor<typeof grpc.Client, _ragfleet_retrieve_v1_IndexVersionServiceClient> & { service: _ragfleet_retrieve_v1_IndexVersionServiceDefinition }
        IngestDocumentsRequest: MessageTypeDefinition<_ragfleet_retrieve_v1_IngestDocumentsRequest, _ragfleet_retrieve_v1_IngestDocumentsRequest__Output>
        IngestDocumentsResponse: MessageTypeDefinition<_ragfleet_retrieve_v1_IngestDocumentsResponse, _ragfleet_retrieve_v1_IngestDocumentsResponse__Output>
        Job: MessageTypeDefinition<_ragfleet_retrieve_v1_Job, _ragfleet_retrieve_v1_Job__Output>
        JobState: EnumTypeDefinition
        LabeledQuery: MessageTypeDefinition<_ragfleet_retrieve_v1_LabeledQuery, _ragfleet_retrieve_v1_LabeledQuery__Output>
        ListIndexVersionsRequest: MessageTypeDefinition<_ragfleet_retrieve_v1_ListIndexVersionsRequest, _ragfleet_retrieve_v1_ListIndexVersionsRequest__Output>
        ListIndexVersionsResponse: MessageTypeDefinition<_ragfleet_retrieve_v1_ListIndexVersionsResponse, _ragfleet_retrieve_v1_ListIndexVersionsResponse__Output>
        RelevantDocument: MessageTypeDefinition<_ragfleet_retrieve_v1_RelevantDocument, _ragfleet_retrieve_v1_RelevantDocument__Output>
        RetrieveService: SubtypeConstructor<typeof grpc.Client, _ragfleet_retrieve_v1_RetrieveServiceClient> & { service: _ragfleet_retrieve_v1_RetrieveServiceDefinition }
        RollbackIndexVersionRequest: MessageTypeDefinition<_ragfleet_retrieve_v1_RollbackIndexVersionRequest, _ragfleet_retrieve_v1_RollbackIndexVersionRequest__Output>
        RollbackIndexVersionResponse: MessageTypeDefinition<_ragfleet_retrieve_v1_RollbackIndexVersionResponse, _ragfleet_retrieve_v1_RollbackIndexVersionResponse__Output>
        SearchFilter: MessageTypeDefinition<_ragfleet_retrieve_v1_SearchFilter, _ragfleet_retrieve_v1_SearchFilter__Output>
        SearchHit: MessageTypeDefinition<_ragfleet_retrieve_v1_SearchHit, _ragfleet_retrieve_v1_SearchHit__Output>
        SearchRequest: MessageTypeDefinition<_ragfleet_retrieve_v1_SearchRequest, _ragfleet_retrieve_v1_SearchRequest__Output>
        SearchResponse: MessageTypeDefinition<_ragfleet_retrieve_v1_SearchResponse, _ragfleet_retrieve_v1_SearchResponse__Output>
      }
    }
  }
}

