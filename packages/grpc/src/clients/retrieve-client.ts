import { protos, type RetrieveV1 } from '@ragfleet/protos';
import { GrpcClient, type CallSettings, type ClientSettings } from '../client.ts';

/** Typed client for ragfleet.retrieve.v1.RetrieveService. */
export class RetrieveClient {
  readonly grpc: GrpcClient<RetrieveV1.RetrieveServiceClient>;

  constructor(address: string, settings?: ClientSettings) {
    this.grpc = new GrpcClient(protos.retrieve().RetrieveService, address, settings);
  }

  /** Not retried: a second attempt would queue a second job. */
  ingestDocuments(
    request: RetrieveV1.IngestDocumentsRequest,
    settings?: CallSettings,
  ): Promise<RetrieveV1.IngestDocumentsResponse__Output> {
    return this.grpc.unary('IngestDocuments', request, { deadlineMs: 30_000, ...settings });
  }

  getJob(id: string, settings?: CallSettings): Promise<RetrieveV1.GetJobResponse__Output> {
    return this.grpc.unary('GetJob', { id }, { idempotent: true, ...settings });
  }

  /** With `includeText`, the answer carries the document's text too (it can be large). */
  getDocument(
    id: string,
    settings?: CallSettings,
    options: { includeText?: boolean } = {},
  ): Promise<RetrieveV1.GetDocumentResponse__Output> {
    const request = { id, includeText: options.includeText ?? false };
    return this.grpc.unary('GetDocument', request, { idempotent: true, ...settings });
  }

  deleteDocument(id: string, settings?: CallSettings): Promise<RetrieveV1.DeleteDocumentResponse__Output> {
    return this.grpc.unary('DeleteDocument', { id }, { idempotent: true, ...settings });
  }

  search(
    request: RetrieveV1.SearchRequest,
    settings?: CallSettings,
  ): Promise<RetrieveV1.SearchResponse__Output> {
    return this.grpc.unary('Search', request, { idempotent: true, ...settings });
  }

  close(): void {
    this.grpc.close();
  }
}
