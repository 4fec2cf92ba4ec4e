import { randomUUID } from 'node:crypto';
import { RagfleetError, toRagfleetError } from '@ragfleet/errors';
import { createEvent, type EventBus, type EventEnvelope } from '@ragfleet/events';
import { CHUNK_STRATEGIES, isChunkStrategy } from '../chunking/chunking.ts';
import type { DocumentStore } from '../index/document-store.ts';
import { validateDocuments } from './document-validation.ts';
import { newJob, transition } from './job-state.ts';
import type { DocumentInput } from '../index/records.ts';
import type { IngestJob } from './ingest-job.ts';

export const INGEST_REQUESTED = 'retrieve.ingest.requested';

/** The queue message: the job id only, the documents stay in the store. */
export interface IngestRequested {
  jobId: string;
}

/** The queue message of a job; `messageId` defaults to the job id (JetStream de-duplicates on it). */
export function ingestRequest(job: IngestJob, messageId = job.id): EventEnvelope<IngestRequested> {
  return createEvent({
    id: messageId,
    type: INGEST_REQUESTED,
    source: 'retrieve',
    tenant: job.tenant,
    data: { jobId: job.id },
  });
}

export interface IngestLogger {
  warn(object: object, message?: string): void;
}

export interface IngestServiceOptions {
  store: DocumentStore;
  bus: EventBus;
  jobsSubject: string;
  logger: IngestLogger;
  newId?: () => string;
  now?: () => Date;
}

/**
 * Accepts ingest requests: validates, stores a queued job with its documents, queues its id. The
 * stored job is the record of the request; the queue message only wakes a worker. So a job whose
 * message could not be published (the queue unreachable) is still accepted: IngestSweep publishes
 * it again once it has waited long enough, as it does for any job whose message or worker was lost.
 */
export class IngestService {
  readonly #options: Required<IngestServiceOptions>;

  constructor(options: IngestServiceOptions) {
    this.#options = { newId: randomUUID, now: () => new Date(), ...options };
  }

  /** `chunking` names a strategy for this job; empty or absent: the worker's default. */
  async accept(
    tenant: string,
    documents: DocumentInput[],
    options: { chunking?: string } = {},
  ): Promise<IngestJob> {
    validateDocuments(documents);
    const chunking = options.chunking || undefined;
    if (chunking !== undefined && !isChunkStrategy(chunking)) {
      throw new RagfleetError('INVALID_ARGUMENT', `chunking: must be one of ${CHUNK_STRATEGIES.join(', ')}`, {
        details: { field: 'chunking' },
      });
    }
    const { store, bus, jobsSubject, newId, now, logger } = this.#options;
    const created = newJob(
      newId(),
      tenant,
      documents.map((document) => document.id),
      now(),
    );
    const job: IngestJob = chunking ? { ...created, chunking } : created;
    await store.createJob(job, documents);
    try {
      // The job id is the message id, so a retried publish is stored once.
      await bus.publish<IngestRequested>(jobsSubject, ingestRequest(job));
    } catch (error) {
      const failure = toRagfleetError(error);
      if (failure.retryable) {
        // Finding 6 of issue 7: jobs were lost when they were stored but their message was not
        // (NATS down, or retrieve killed while the publish waited). The job is durable: the sweep
        // queues it again, so the request is accepted rather than refused.
        logger.warn(
          { jobId: job.id, tenant, err: failure.internal ?? failure.message },
          'ingest job stored but not queued; the sweep will queue it',
        );
        return job;
      }
      const failed = transition(job, 'failed', now(), {
        error: 'could not queue the job',
        errorCode: 'SERVICE_UNAVAILABLE',
      });
      await store.saveJob(failed).catch(() => undefined);
      throw new RagfleetError('SERVICE_UNAVAILABLE', 'The ingest queue is unavailable; retry later', {
        internal: failure.internal,
        cause: error,
      });
    }
    return job;
  }

  async getJob(tenant: string, id: string): Promise<IngestJob> {
    const job = id ? await this.#options.store.getJob(tenant, id) : undefined;
    if (!job) throw new RagfleetError('NOT_FOUND', `job "${id}" not found`, { details: { field: 'id' } });
    return job;
  }
}
