import { RagfleetError } from '@ragfleet/errors';
import { GrpcServer, readIncomingMetadata, type CallContext } from '@ragfleet/grpc';
import { protos, type GenerateV1, type RetrieveV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';

interface StoredDocument {
  id: string;
  title: string;
  text: string;
}

/** Who an upstream call was made for, as read from its metadata. */
export interface SeenCaller {
  method: string;
  tenant: string;
  user: string | undefined;
  tier: string | undefined;
}

/**
 * Retrieve and generate that keep every record under the tenant named in the call's metadata,
 * as the real retrieve does: whatever tenant the gateway forwards is the only one a call sees.
 */
export class TenantScopedUpstreams {
  readonly callers: SeenCaller[] = [];
  readonly #documents = new Map<string, Map<string, StoredDocument>>();
  readonly #jobs = new Map<string, Map<string, string[]>>();
  readonly #server: GrpcServer;
  #nextJob = 1;

  constructor() {
    this.#server = new GrpcServer({
      service: 'tenant-scoped-upstreams',
      logger: createLogger('tenant-scoped-upstreams', 'silent'),
      registry: createMetricsRegistry('tenant-scoped-upstreams'),
    });
    this.#server.addService(
      'ragfleet.retrieve.v1.RetrieveService',
      protos.retrieve().RetrieveService.service,
      {
        IngestDocuments: async (request: RetrieveV1.IngestDocumentsRequest__Output, context: CallContext) => {
          const documents = this.#tenantDocuments(this.#see('IngestDocuments', context));
          for (const document of request.documents) documents.set(document.id, document);
          const id = `job-${this.#nextJob++}`;
          this.#tenantJobs(context.tenant).set(
            id,
            request.documents.map((document) => document.id),
          );
          return {
            job: job(
              id,
              request.documents.map((document) => document.id),
            ),
          };
        },
        GetJob: async (request: RetrieveV1.GetJobRequest__Output, context: CallContext) => {
          const ids = this.#tenantJobs(this.#see('GetJob', context)).get(request.id);
          if (!ids) throw new RagfleetError('NOT_FOUND', `Job "${request.id}" does not exist.`);
          return { job: job(request.id, ids) };
        },
        GetDocument: async (request: RetrieveV1.GetDocumentRequest__Output, context: CallContext) => {
          const document = this.#tenantDocuments(this.#see('GetDocument', context)).get(request.id);
          if (!document) throw new RagfleetError('NOT_FOUND', `Document "${request.id}" does not exist.`);
          return {
            document: {
              id: document.id,
              title: document.title,
              metadata: {},
              chunkCount: 1,
              length: document.text.length,
            },
          };
        },
        DeleteDocument: async (request: RetrieveV1.DeleteDocumentRequest__Output, context: CallContext) => {
          const deleted = this.#tenantDocuments(this.#see('DeleteDocument', context)).delete(request.id);
          return { deleted, chunksRemoved: deleted ? 1 : 0 };
        },
        Search: async (request: RetrieveV1.SearchRequest__Output, context: CallContext) => ({
          hits: this.#search(this.#see('Search', context), request.query).map((document, index) => ({
            chunkId: `${document.id}#0`,
            documentId: document.id,
            title: document.title,
            text: document.text,
            score: 1 / (index + 1),
            start: 0,
            end: document.text.length,
            metadata: {},
          })),
        }),
      },
    );
    this.#server.addService(
      'ragfleet.generate.v1.GenerateService',
      protos.generate().GenerateService.service,
      {
        Answer: (request: GenerateV1.AnswerRequest__Output, context: CallContext) =>
          this.#answer(this.#search(this.#see('Answer', context), request.query)),
        // The gateway never summarizes (the session service does); the contract needs a handler.
        Summarize: async () => {
          throw new RagfleetError('FAILED_PRECONDITION', 'The fake generate does not summarize.');
        },
        // Recommendations ask generate for suggestions (the recommend service); never the gateway.
        Suggest: async () => {
          throw new RagfleetError('FAILED_PRECONDITION', 'The fake generate does not suggest.');
        },
      },
    );
  }

  async start(): Promise<string> {
    const port = await this.#server.listen(0, '127.0.0.1');
    this.#server.setServing(true);
    return `127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return this.#server.close(100);
  }

  /** Answers from the tenant's own documents, citing them; slow enough for a test to hold it open. */
  async *#answer(found: StoredDocument[]): AsyncIterable<GenerateV1.AnswerResponse> {
    yield {
      citations: {
        citations: found.map((document, index) => ({
          index: index + 1,
          documentId: document.id,
          chunkId: `${document.id}#0`,
          title: document.title,
          text: document.text,
          score: 1,
        })),
      },
    };
    for (const document of found) yield { token: { text: `${document.text} ` } };
    await new Promise((resolve) => setTimeout(resolve, this.answerDelayMs));
    yield { done: { provider: 'fake', model: 'fake-1', finishReason: 'stop', promptVersion: 'v1' } };
  }

  /** How long an answer stays open before `done` (tests of concurrent streams raise it). */
  answerDelayMs = 0;

  #search(tenant: string, query: string): StoredDocument[] {
    return [...this.#tenantDocuments(tenant).values()].filter((document) => document.text.includes(query));
  }

  #see(method: string, context: CallContext): string {
    const { user, tier } = readIncomingMetadata(context.metadata);
    this.callers.push({ method, tenant: context.tenant, user, tier });
    return context.tenant;
  }

  #tenantDocuments(tenant: string): Map<string, StoredDocument> {
    const documents = this.#documents.get(tenant) ?? new Map<string, StoredDocument>();
    this.#documents.set(tenant, documents);
    return documents;
  }

  #tenantJobs(tenant: string): Map<string, string[]> {
    const jobs = this.#jobs.get(tenant) ?? new Map<string, string[]>();
    this.#jobs.set(tenant, jobs);
    return jobs;
  }
}

function job(id: string, documentIds: string[]): RetrieveV1.Job {
  return {
    id,
    state: 'JOB_STATE_SUCCEEDED',
    documentIds,
    documentsDone: documentIds.length,
    chunksIndexed: documentIds.length,
    createdAt: new Date().toISOString(),
  };
}
