import { RagfleetError } from '@ragfleet/errors';
import { GrpcServer, type CallContext } from '@ragfleet/grpc';
import { protos, type GenerateV1, type RetrieveV1 } from '@ragfleet/protos';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';
import { FakeSessionService } from './fake-session-service.ts';

/** One upstream call as the fake saw it: which method, for whom, with what. */
export interface SeenCall {
  method: string;
  tenant: string;
  user: string | undefined;
  tier: string | undefined;
  requestId: string;
  request: unknown;
}

type Answer = (
  request: GenerateV1.AnswerRequest__Output,
  context: CallContext,
) => AsyncIterable<GenerateV1.AnswerResponse>;

/**
 * Real gRPC servers for retrieve and generate with in-memory behaviour, so the gateway is tested
 * through the same clients, metadata and status mapping it uses in production.
 */
export class FakeUpstreams {
  readonly calls: SeenCall[] = [];
  readonly documents = new Map<string, RetrieveV1.Document__Output & { tenant: string }>();
  readonly jobs = new Map<string, RetrieveV1.Job & { polls: number; never: boolean }>();
  /** Replace to script the Answer stream of a test. */
  answer: Answer = defaultAnswer;
  /** The session service, with turns scripted in memory. */
  readonly sessions = new FakeSessionService((method, request, context) =>
    this.#see(method, request, context),
  );
  readonly server: GrpcServer;
  #nextJob = 1;

  constructor() {
    this.server = new GrpcServer({
      service: 'fake-upstreams',
      logger: createLogger('fake-upstreams', 'silent'),
      registry: createMetricsRegistry('fake-upstreams'),
    });
    this.server.addService(
      'ragfleet.retrieve.v1.RetrieveService',
      protos.retrieve().RetrieveService.service,
      {
        IngestDocuments: async (request: RetrieveV1.IngestDocumentsRequest__Output, context: CallContext) => {
          this.#see('IngestDocuments', request, context);
          if (request.documents[0]?.id === 'upstream-invalid-doc') {
            // As retrieve's document validation words it.
            throw new RagfleetError('INVALID_ARGUMENT', 'documents[0].title: at most 1000 characters', {
              details: { field: 'documents[0].title' },
            });
          }
          const id = `job-${this.#nextJob++}`;
          for (const document of request.documents)
            this.documents.set(document.id, { ...document, tenant: context.tenant });
          const job = {
            id,
            state: 'JOB_STATE_QUEUED' as const,
            documentIds: request.documents.map((document) => document.id),
            documentsDone: 0,
            chunksIndexed: 0,
            createdAt: new Date().toISOString(),
            polls: 0,
            // A document whose id starts with "slow" keeps its job running forever.
            never: request.documents.some((document) => document.id.startsWith('slow')),
          };
          this.jobs.set(id, job);
          return { job: publicJob(job) };
        },
        GetJob: async (request: RetrieveV1.GetJobRequest__Output, context: CallContext) => {
          this.#see('GetJob', request, context);
          const job = this.jobs.get(request.id);
          if (!job) throw new RagfleetError('NOT_FOUND', `job ${request.id} not found`);
          // Jobs advance one step per poll: queued -> running -> succeeded.
          job.polls++;
          if (!job.never) {
            job.state = job.polls >= 2 ? 'JOB_STATE_SUCCEEDED' : 'JOB_STATE_RUNNING';
            job.documentsDone = job.polls >= 2 ? (job.documentIds?.length ?? 0) : 0;
            job.chunksIndexed = job.polls >= 2 ? (job.documentIds?.length ?? 0) * 3 : 0;
          } else {
            job.state = 'JOB_STATE_RUNNING';
          }
          return { job: publicJob(job) };
        },
        GetDocument: async (request: RetrieveV1.GetDocumentRequest__Output, context: CallContext) => {
          this.#see('GetDocument', request, context);
          const document = this.documents.get(request.id);
          if (!document || document.tenant !== context.tenant) {
            throw new RagfleetError('NOT_FOUND', `document ${request.id} not found`);
          }
          return {
            document: {
              id: document.id,
              title: document.title,
              metadata: document.metadata,
              chunkCount: 3,
              length: document.text.length,
              updatedAt: '2026-01-01T00:00:00.000Z',
            },
            text: request.includeText ? document.text : '',
          };
        },
        DeleteDocument: async (request: RetrieveV1.DeleteDocumentRequest__Output, context: CallContext) => {
          this.#see('DeleteDocument', request, context);
          const existed = this.documents.delete(request.id);
          return { deleted: existed, chunksRemoved: existed ? 3 : 0 };
        },
        Search: async (request: RetrieveV1.SearchRequest__Output, context: CallContext) => {
          this.#see('Search', request, context);
          if (request.query === 'upstream-unauthenticated') {
            throw new RagfleetError('UNAUTHENTICATED', 'The call has no valid service token.');
          }
          if (request.query === 'upstream-invalid') {
            // As retrieve words it: the field in `details.field`, and again at the head of the message.
            throw new RagfleetError(
              'INVALID_ARGUMENT',
              'filter.published_to: must not be before filter.published_from',
              { details: { field: 'filter.published_to' } },
            );
          }
          const hits = [...this.documents.values()]
            .filter((document) => document.text.includes(request.query))
            .slice(0, request.k || 10)
            .map((document, index) => ({
              chunkId: `${document.id}#0`,
              documentId: document.id,
              title: document.title,
              text: document.text,
              score: 1 / (index + 1),
              start: 0,
              end: document.text.length,
              metadata: document.metadata,
            }));
          return { hits };
        },
      },
    );
    this.server.addService(
      'ragfleet.generate.v1.GenerateService',
      protos.generate().GenerateService.service,
      {
        Answer: (request: GenerateV1.AnswerRequest__Output, context: CallContext) => {
          this.#see('Answer', request, context);
          return this.answer(request, context);
        },
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
    this.server.addService(
      'ragfleet.session.v1.SessionService',
      protos.session().SessionService.service,
      this.sessions.handlers(),
    );
    const port = await this.server.listen(0, '127.0.0.1');
    this.server.setServing(true);
    return `127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return this.server.close(100);
  }

  lastCall(method: string): SeenCall | undefined {
    return this.calls.filter((call) => call.method === method).at(-1);
  }

  #see(method: string, request: unknown, context: CallContext): void {
    this.calls.push({
      method,
      tenant: context.tenant,
      user: context.user,
      tier: context.tier,
      requestId: context.requestId,
      request,
    });
  }
}

function publicJob(job: RetrieveV1.Job & { polls: number; never: boolean }): RetrieveV1.Job {
  const { polls: _polls, never: _never, ...rest } = job;
  return rest;
}

export const NORMAL_ANSWER: GenerateV1.AnswerResponse[] = [
  { status: { stage: 'retrieve', message: 'searching', provider: '', model: '' } },
  {
    citations: {
      citations: [
        { index: 1, documentId: 'doc-1', chunkId: 'doc-1#0', title: 'One', text: 'alpha', score: 0.9 },
      ],
    },
  },
  { token: { text: 'Hello' } },
  { token: { text: ' world [1]' } },
  { usage: { inputTokens: 12, outputTokens: 3, provider: 'extractive', model: 'extractive-v1' } },
  {
    done: {
      provider: 'extractive',
      model: 'extractive-v1',
      finishReason: 'stop',
      promptVersion: 'v1',
      timeToFirstTokenMs: 12,
      cached: false,
      costUsd: 0.000081,
      decision: {
        complexityClass: 'simple',
        score: 0.12,
        features: [{ name: 'length', value: 3, contribution: 0.12 }],
        skipped: [{ provider: 'anthropic', model: 'claude-sonnet-4-6', reason: 'tier' }],
        prefer: 'cost',
        budgetFallback: false,
      },
    },
  },
];

async function* defaultAnswer(): AsyncIterable<GenerateV1.AnswerResponse> {
  yield* NORMAL_ANSWER;
}
