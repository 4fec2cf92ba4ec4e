import { isRagfleetError, toRagfleetError } from '@ragfleet/errors';
import {
  createEvent,
  DEFAULT_ACK_WAIT_MS,
  type Delivery,
  type EventBus,
  type EventEnvelope,
  type Subscription,
} from '@ragfleet/events';
import { runWithRequestContext, withSpan } from '@ragfleet/telemetry';
import type { ChunkOptions } from '../chunking/chunker.ts';
import { chunkDocument, type ChunkingOptions } from '../chunking/chunking.ts';
import { chunkRecords } from '../chunking/chunk-records.ts';
import type { Corpus } from '../index/corpus.ts';
import type { Embedder } from '../index/embedder.ts';
import type { IngestRequested } from './ingest-service.ts';
import { isTerminal, transition } from './job-state.ts';
import type { DocumentInput, DocumentRecord } from '../index/records.ts';
import type { IngestJob } from './ingest-job.ts';
import { timed, type RetrieveMetrics } from '../index/retrieve-metrics.ts';

export const DOCUMENTS_INDEXED = 'retrieve.documents.indexed';

export interface DocumentsIndexed {
  jobId: string;
  documentIds: string[];
  chunksIndexed: number;
}

export interface WorkerLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

export interface IngestWorkerOptions {
  corpus: Corpus;
  embedder: Embedder;
  bus: EventBus;
  jobsSubject: string;
  indexedSubject: string;
  durable: string;
  /** The default chunking; a job may name another strategy. Unset fields: characters, 5 sentences, 1 shared. */
  chunking: ChunkOptions & Partial<ChunkingOptions>;
  metrics: RetrieveMetrics;
  logger: WorkerLogger;
  /** Attempts before a job is marked failed; the bus redelivers until then. */
  maxAttempts: number;
  /** Silence after which the bus presumes this worker dead and redelivers its job (the bus default when unset). */
  ackWaitMs?: number;
  /** Documents are grouped until they hold about this many chunks, then embedded in one call. */
  embedGroupChunks?: number;
  now?: () => Date;
}

/**
 * Runs ingest jobs from the work queue: chunk, embed, store, index, in groups of documents, saving
 * progress after each group. Every step replaces rather than appends, so a redelivered job yields
 * the same chunks. The handler resolves (and the message is acked) only once the effect is stored.
 */
export class IngestWorker {
  readonly #o: Required<IngestWorkerOptions>;
  readonly #chunking: ChunkingOptions;

  constructor(options: IngestWorkerOptions) {
    this.#o = { embedGroupChunks: 64, now: () => new Date(), ackWaitMs: DEFAULT_ACK_WAIT_MS, ...options };
    this.#chunking = { strategy: 'characters', sentences: 5, sentenceOverlap: 1, ...options.chunking };
  }

  start(concurrency: number): Promise<Subscription> {
    const { bus, jobsSubject, durable, maxAttempts, ackWaitMs } = this.#o;
    return bus.subscribe<IngestRequested>(
      jobsSubject,
      { durable, maxAttempts, ackWaitMs, concurrency },
      (event, delivery) => this.handle(event, delivery),
    );
  }

  handle(event: EventEnvelope<IngestRequested>, delivery: Delivery): Promise<void> {
    const { jobId } = event.data;
    return runWithRequestContext({ requestId: jobId, tenant: event.tenant }, () =>
      withSpan('rag.ingest', () => this.#run(event.tenant, jobId, delivery), { 'ragfleet.job_id': jobId }),
    );
  }

  async #run(tenant: string, jobId: string, delivery: Delivery): Promise<void> {
    const { corpus, logger } = this.#o;
    const stored = await corpus.store.getJob(tenant, jobId);
    if (!stored) {
      logger.warn({ jobId, tenant }, 'ingest job not found: dropping its message');
      return;
    }
    if (isTerminal(stored.state)) {
      // Redelivered after it ended (the ack was lost): make sure its completion event went out.
      if (stored.state === 'succeeded') await this.#announce(stored);
      return;
    }
    const documents = await corpus.store.getJobDocuments(tenant, jobId);
    let job = transition(stored, 'running', this.#o.now(), { attempts: stored.attempts + 1 });
    await corpus.store.saveJob(job);
    try {
      if (!documents) throw new Error('the job has no stored documents');
      job = await this.#ingest(job, documents);
      job = transition(job, 'succeeded', this.#o.now(), { error: '' });
      await corpus.store.saveJob(job);
      this.#o.metrics.jobFinished('succeeded');
      logger.info({ jobId, documents: job.documentsDone, chunks: job.chunksIndexed }, 'ingest job succeeded');
    } catch (error) {
      await this.#onFailure(job, error, delivery);
      return;
    }
    // Outside the try: the job has ended; if this publish fails, the redelivery repeats only it.
    await this.#announce(job);
  }

  /** A failure that can pass (anything but a non-retryable RagfleetError) is retried until maxAttempts. */
  async #onFailure(job: IngestJob, error: unknown, delivery: Delivery): Promise<void> {
    const failure = toRagfleetError(error);
    const message = failure.internal ?? failure.message;
    const retry = (!isRagfleetError(error) || error.retryable) && delivery.attempt < this.#o.maxAttempts;
    const state = retry ? 'queued' : 'failed';
    await this.#o.corpus.store.saveJob(transition(job, state, this.#o.now(), { error: message }));
    this.#o.metrics.jobFinished(retry ? 'retried' : 'failed');
    this.#o.logger.warn(
      { jobId: job.id, attempt: delivery.attempt, err: message, retry },
      'ingest job attempt failed',
    );
    if (retry) throw error;
  }

  /** Resumes after the documents a previous attempt finished; earlier groups are already stored. */
  async #ingest(start: IngestJob, documents: DocumentInput[]): Promise<IngestJob> {
    let job = start;
    while (job.documentsDone < documents.length) {
      const group = this.#nextGroup(documents, job.documentsDone);
      const chunks = await this.#indexGroup(job, group);
      job = {
        ...job,
        documentsDone: job.documentsDone + group.length,
        chunksIndexed: job.chunksIndexed + chunks,
      };
      job.updatedAt = this.#o.now().toISOString();
      await this.#o.corpus.store.saveJob(job);
    }
    await timed(
      (seconds) => this.#o.metrics.stageSeconds('index', seconds),
      () => this.#o.corpus.persistIndex(),
    );
    return job;
  }

  #nextGroup(documents: DocumentInput[], from: number): DocumentInput[] {
    const { size } = this.#o.chunking;
    const group: DocumentInput[] = [];
    let estimatedChunks = 0;
    for (
      let i = from;
      i < documents.length && (group.length === 0 || estimatedChunks < this.#o.embedGroupChunks);
      i++
    ) {
      const document = documents[i];
      if (!document) break;
      group.push(document);
      estimatedChunks += Math.max(1, Math.ceil(document.text.length / size));
    }
    return group;
  }

  /** Chunks, embeds (one call for the group) and stores each document; returns the chunks indexed. */
  async #indexGroup(job: IngestJob, group: DocumentInput[]): Promise<number> {
    const { metrics, embedder, corpus } = this.#o;
    const tenant = job.tenant;
    const chunking = { ...this.#chunking, strategy: job.chunking ?? this.#chunking.strategy };
    const started = performance.now();
    const pieces = group.map((document) => chunkDocument(document.text, chunking));
    metrics.stageSeconds('chunk', (performance.now() - started) / 1000);

    const texts = pieces.flat().map((piece) => piece.text);
    const vectors = await timed(
      (seconds) => metrics.stageSeconds('embed', seconds),
      () => withSpan('rag.embed', () => embedder.embed(texts), { 'ragfleet.texts': texts.length }),
    );
    const records = chunkRecords(
      group.map((document, i) => ({ id: document.id, pieces: pieces[i] ?? [] })),
      vectors,
    );
    for (const [i, document] of group.entries()) {
      const chunks = records[i] ?? [];
      const record: DocumentRecord = {
        id: document.id,
        title: document.title,
        metadata: document.metadata,
        length: document.text.length,
        chunkCount: chunks.length,
        updatedAt: this.#o.now().toISOString(),
      };
      const { storeSeconds, indexSeconds } = await corpus.replaceDocument(tenant, record, chunks);
      metrics.stageSeconds('store', storeSeconds);
      metrics.stageSeconds('index', indexSeconds);
      metrics.chunksIndexed(chunks.length);
    }
    return texts.length;
  }

  /** The event id is derived from the job id, so announcing twice stores one event. */
  async #announce(job: IngestJob): Promise<void> {
    await this.#o.bus.publish<DocumentsIndexed>(
      this.#o.indexedSubject,
      createEvent({
        id: `${job.id}.indexed`,
        type: DOCUMENTS_INDEXED,
        source: 'retrieve',
        tenant: job.tenant,
        data: { jobId: job.id, documentIds: job.documentIds, chunksIndexed: job.chunksIndexed },
      }),
    );
  }
}
