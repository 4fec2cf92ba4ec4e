import { isRagfleetError, RagfleetError } from '@ragfleet/errors';
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
import { embedFailure, isEmbedUnreachable, jobError, logDetail } from './job-error.ts';
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
  /**
   * How long one delivery may wait for an unreachable embed before that counts as a failed
   * attempt (default 10 minutes): embed starting late costs a job nothing, embed gone for good
   * fails it after maxAttempts such waits.
   */
  embedWaitMs?: number;
  /** First pause between two tries of an unreachable embed, doubled up to `embedRetryMaxMs`. */
  embedRetryMs?: number;
  embedRetryMaxMs?: number;
  /**
   * Told of each finished job; decides when the whole index is written (IndexSnapshots). Every
   * write is in the index journal before the job is acknowledged, so this only bounds replay.
   * Unset: a snapshot after every job.
   */
  snapshots?: { jobDone(): Promise<void> };
  now?: () => Date;
}

/** The worker is stopping (the process shuts down): the job was put back, not failed. */
class WorkerStopping extends RagfleetError {
  constructor() {
    super('SERVICE_UNAVAILABLE', 'retrieve is stopping; the job resumes when it starts again');
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * Runs ingest jobs from the work queue: chunk, embed, store, index, in groups of documents, saving
 * progress after each group. Every step replaces rather than appends, so a redelivered job yields
 * the same chunks. The handler resolves (and the message is acked) only once the effect is stored.
 */
export class IngestWorker {
  readonly #o: Required<IngestWorkerOptions>;
  readonly #chunking: ChunkingOptions;
  /** Aborted by stop(): in-flight embed calls and waits end at once, their jobs go back to queued. */
  readonly #stopping = new AbortController();

  constructor(options: IngestWorkerOptions) {
    this.#o = {
      embedGroupChunks: 64,
      now: () => new Date(),
      ackWaitMs: DEFAULT_ACK_WAIT_MS,
      embedWaitMs: 10 * 60_000,
      embedRetryMs: 500,
      embedRetryMaxMs: 15_000,
      snapshots: { jobDone: () => options.corpus.persistIndex() },
      ...options,
    };
    this.#chunking = { strategy: 'characters', sentences: 5, sentenceOverlap: 1, ...options.chunking };
  }

  /**
   * Takes jobs from the queue. Stopping the subscription (shutdown) interrupts the jobs in
   * flight: each goes back to `queued` without using an attempt and is not acknowledged, so the
   * queue delivers it again (JetStream: to another replica; embedded: after the restart, from the
   * stored jobs).
   */
  async start(concurrency: number): Promise<Subscription> {
    const { bus, jobsSubject, durable, maxAttempts, ackWaitMs } = this.#o;
    const subscription = await bus.subscribe<IngestRequested>(
      jobsSubject,
      { durable, maxAttempts, ackWaitMs, concurrency },
      (event, delivery) => this.handle(event, delivery),
    );
    return {
      stop: async () => {
        this.#stopping.abort();
        await subscription.stop();
      },
    };
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
      if (this.#stopping.signal.aborted) return this.#putBack(job, error);
      await this.#onFailure(job, error, delivery);
      return;
    }
    // Outside the try: the job has ended; if this publish fails, the redelivery repeats only it.
    await this.#announce(job);
  }

  /**
   * A failure that can pass (anything but a non-retryable RagfleetError) is retried until the
   * job has been started maxAttempts times. The job's own count decides, not the delivery's:
   * deliveries that used no attempt (a shutdown, a wait for embed) do not bring its end closer.
   */
  async #onFailure(job: IngestJob, error: unknown, delivery: Delivery): Promise<void> {
    const { code, message } = jobError(error);
    const retry = (!isRagfleetError(error) || error.retryable) && job.attempts < this.#o.maxAttempts;
    const state = retry ? 'queued' : 'failed';
    await this.#o.corpus.store.saveJob(
      transition(job, state, this.#o.now(), { error: message, errorCode: code }),
    );
    this.#o.metrics.jobFinished(retry ? 'retried' : 'failed');
    this.#o.logger.warn(
      {
        jobId: job.id,
        attempt: job.attempts,
        delivery: delivery.attempt,
        code,
        err: logDetail(error),
        retry,
      },
      'ingest job attempt failed',
    );
    if (retry) throw error;
  }

  /**
   * Shutdown interrupted the job: back to `queued` with its attempt given back (its progress, the
   * documents already stored, is kept). Throwing leaves the message unacknowledged.
   */
  async #putBack(job: IngestJob, error: unknown): Promise<never> {
    const queued = transition(job, 'queued', this.#o.now(), { attempts: job.attempts - 1 });
    await this.#o.corpus.store.saveJob(queued);
    this.#o.logger.info(
      { jobId: job.id, documentsDone: job.documentsDone, err: logDetail(error) },
      'ingest job interrupted by shutdown; queued again, no attempt used',
    );
    throw new WorkerStopping();
  }

  /**
   * Embeds one group. An unreachable embed (not started yet, restarting, its model still
   * loading) is the fleet's state, not the job's fault: the job waits, shown as `queued` with
   * "waiting for embed" and its attempt given back, trying again with a doubling pause; it goes
   * on where it was once embed answers. Only a wait longer than embedWaitMs counts as a failed
   * attempt, so a dependency that never comes is seen in the end as failed jobs.
   */
  async #embed(job: IngestJob, texts: string[]): Promise<number[][]> {
    const { embedder, corpus, logger, metrics } = this.#o;
    const signal = this.#stopping.signal;
    let waitingSince: number | undefined;
    let pauseMs = this.#o.embedRetryMs;
    try {
      for (;;) {
        try {
          const vectors = await embedder.embed(texts, { signal });
          if (waitingSince !== undefined) {
            await corpus.store.saveJob({ ...job, updatedAt: this.#o.now().toISOString() });
            logger.info(
              { jobId: job.id, waitedMs: Date.now() - waitingSince },
              'embed reachable; ingest job goes on',
            );
          }
          return vectors;
        } catch (error) {
          const failure = embedFailure(error);
          if (signal.aborted || !isEmbedUnreachable(failure)) throw failure;
          if (waitingSince === undefined) {
            waitingSince = Date.now();
            metrics.jobsWaitingForEmbed(1);
            logger.warn(
              { jobId: job.id, err: logDetail(failure) },
              'embed unreachable; ingest job waits for it without using an attempt',
            );
          } else if (Date.now() - waitingSince >= this.#o.embedWaitMs) {
            throw failure;
          }
          // Saved on every try: the fresh updatedAt also tells the sweep that the job is covered.
          await corpus.store.saveJob(
            transition(job, 'queued', this.#o.now(), {
              attempts: job.attempts - 1,
              error: 'waiting for embed: it was unreachable',
              errorCode: 'SERVICE_UNAVAILABLE',
            }),
          );
          await pause(pauseMs, signal);
          pauseMs = Math.min(pauseMs * 2, this.#o.embedRetryMaxMs);
        }
      }
    } finally {
      if (waitingSince !== undefined) metrics.jobsWaitingForEmbed(-1);
    }
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
      () => this.#o.snapshots.jobDone(),
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
    const { metrics, corpus } = this.#o;
    const tenant = job.tenant;
    const chunking = { ...this.#chunking, strategy: job.chunking ?? this.#chunking.strategy };
    const started = performance.now();
    const pieces = group.map((document) => chunkDocument(document.text, chunking));
    metrics.stageSeconds('chunk', (performance.now() - started) / 1000);

    const texts = pieces.flat().map((piece) => piece.text);
    const vectors = await timed(
      (seconds) => metrics.stageSeconds('embed', seconds),
      () => withSpan('rag.embed', () => this.#embed(job, texts), { 'ragfleet.texts': texts.length }),
    );
    const records = chunkRecords(
      group.map((document, i) => ({ id: document.id, pieces: pieces[i] ?? [] })),
      vectors,
    );
    const written = group.map((document, i) => {
      const chunks = records[i] ?? [];
      const record: DocumentRecord = {
        id: document.id,
        title: document.title,
        metadata: document.metadata,
        length: document.text.length,
        chunkCount: chunks.length,
        updatedAt: this.#o.now().toISOString(),
      };
      return { document: record, chunks };
    });
    // One write for the group: one journal sync for all its documents.
    const { storeSeconds, indexSeconds } = await corpus.replaceDocuments(tenant, written);
    metrics.stageSeconds('store', storeSeconds);
    metrics.stageSeconds('index', indexSeconds);
    metrics.chunksIndexed(texts.length);
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
