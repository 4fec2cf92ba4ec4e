import type { CallContext, Handlers } from '@ragfleet/grpc';
import type { RetrieveV1 } from '@ragfleet/protos';
import type { DocumentService } from '../domain/index/document-service.ts';
import type { IngestService } from '../domain/ingest/ingest-service.ts';
import type { Searcher } from '../domain/versions/version-gate.ts';
import {
  toDocumentInputs,
  toProtoDocumentInfo,
  toProtoJob,
  toProtoSearchResponse,
  toSearchRequest,
} from './proto-mapping.ts';

export interface RetrieveDomain {
  ingest: IngestService;
  documents: DocumentService;
  /** Search through the alias `active` (or any one index, in tests). */
  search: Searcher;
}

export const RETRIEVE_SERVICE = 'ragfleet.retrieve.v1.RetrieveService';

/** RetrieveService over the domain; every call acts for the tenant in the call's metadata. */
export function retrieveHandlers({ ingest, documents, search }: RetrieveDomain): Handlers {
  return {
    IngestDocuments: async (
      request: RetrieveV1.IngestDocumentsRequest__Output,
      context: CallContext,
    ): Promise<RetrieveV1.IngestDocumentsResponse> => ({
      job: toProtoJob(
        await ingest.accept(context.tenant, toDocumentInputs(request.documents), {
          chunking: request.chunking,
        }),
      ),
    }),

    GetJob: async (
      request: RetrieveV1.GetJobRequest__Output,
      context: CallContext,
    ): Promise<RetrieveV1.GetJobResponse> => ({
      job: toProtoJob(await ingest.getJob(context.tenant, request.id)),
    }),

    GetDocument: async (
      request: RetrieveV1.GetDocumentRequest__Output,
      context: CallContext,
    ): Promise<RetrieveV1.GetDocumentResponse> => {
      const document = await documents.get(context.tenant, request.id);
      return {
        document: toProtoDocumentInfo(document),
        text: request.includeText ? await documents.text(context.tenant, document) : '',
      };
    },

    DeleteDocument: async (
      request: RetrieveV1.DeleteDocumentRequest__Output,
      context: CallContext,
    ): Promise<RetrieveV1.DeleteDocumentResponse> => documents.delete(context.tenant, request.id),

    Search: async (
      request: RetrieveV1.SearchRequest__Output,
      context: CallContext,
    ): Promise<RetrieveV1.SearchResponse> =>
      toProtoSearchResponse(await search.query(context.tenant, toSearchRequest(request))),
  };
}
