import { toRagfleetError } from '@ragfleet/errors';
import type { EventBus } from '@ragfleet/events';
import type { DocumentStore } from '../index/document-store.ts';
import type { RetrieveMetrics } from '../index/retrieve-metrics.ts';
import type { IngestJob } from './ingest-job.ts';
import { ingestRequest, type IngestRequested } from './ingest-service.ts';
import { transition } from './job-state.ts';

export interface SweepLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

export interface IngestSweepOptions {
  store: DocumentStore;
  bus: EventBus;
  jobsSubject: string;
  /**
   * A job not ended and not updated for this long is presumed to have lost its message or its
   * worker. Longer than the queue's own redelivery (ack wait plus the longest retry delay), so
   * the sweep steps in only where JetStream will not.
   */
  staleAfterMs: number;
  /** A job started this often without ending is given up: its worker keeps dying on it. */
  maxAttempts: number;
  metrics: RetrieveMetrics;
  logger: SweepLogger;
  /** Jobs looked at per sweep. */
  batch?: number;
  now?: () => Date;
}

export interface SweepResult {
  requeued: number;
  failed: number;
}

/**
 * Re-publishes ingest jobs that nothing covers any more, so that no accepted job stays `queued`
 * or `running` for ever whatever crashed when: a message never published (the queue was down, or
 * retrieve died while publishing), a message lost with the stream (a server restarted without its
 * data), a worker killed mid-job whose message is gone too. Safe with several replicas on one
 * store: the message id is derived from the job as it was seen, so replicas that saw the same
 * stale job publish one message, and the job is moved with a compare-and-set, so one replica wins.
 * A job re-published while its message still waited in the queue runs once and is then skipped:
 * the worker drops messages of ended jobs, and chunk ids are deterministic.
 */
export class IngestSweep {
  readonly #o: Required<IngestSweepOptions>;

  constructor(options: IngestSweepOptions) {
    this.#o = { batch: 100, now: () => new Date(), ...options };
  }

  async sweep(): Promise<SweepResult> {
    const { staleAfterMs } = this.#o;
    const { requeued, failed } = await this.#sweepBatch(new Date(this.#o.now().getTime() - staleAfterMs));
    const result = { requeued, failed };
    if (result.requeued + result.failed > 0) {
      this.#o.logger.info({ ...result, staleAfterMs }, 'ingest sweep re-queued jobs nothing covered');
    }
    return result;
  }

  /**
   * Publishes again every job not ended that was last updated before `before`, however recently:
   * for a queue that lives in this process's memory (the embedded bus), whose messages a restart
   * loses. At start, every stored job that has not ended is such a job; its attempts are kept.
   */
  async resumeAll(before: Date): Promise<SweepResult> {
    const total: SweepResult = { requeued: 0, failed: 0 };
    for (;;) {
      const result = await this.#sweepBatch(before);
      total.requeued += result.requeued;
      total.failed += result.failed;
      // Each job moved gets a fresh updatedAt, so the next batch holds only jobs not seen yet.
      if (result.requeued + result.failed === 0 || result.stopped) break;
    }
    if (total.requeued + total.failed > 0) {
      this.#o.logger.info(total, 'ingest jobs unfinished at the last stop queued again');
    }
    return { requeued: total.requeued, failed: total.failed };
  }

  async #sweepBatch(before: Date): Promise<SweepResult & { stopped?: boolean }> {
    const { store, batch, maxAttempts, metrics } = this.#o;
    const result: SweepResult & { stopped?: boolean } = { requeued: 0, failed: 0 };
    const stale = await store.listStaleJobs(before, batch);
    for (const job of stale) {
      if (job.attempts >= maxAttempts) {
        if (await this.#giveUp(job)) result.failed += 1;
        continue;
      }
      const outcome = await this.#requeue(job);
      if (outcome === 'queue-unavailable') {
        result.stopped = true;
        break;
      }
      if (outcome === 'requeued') result.requeued += 1;
    }
    if (result.requeued > 0) metrics.jobsSwept('requeued', result.requeued);
    if (result.failed > 0) metrics.jobsSwept('failed', result.failed);
    return result;
  }

  /** Publishes the job's message, then marks the job re-queued (if nobody touched it meanwhile). */
  async #requeue(job: IngestJob): Promise<'requeued' | 'taken' | 'queue-unavailable'> {
    const { bus, jobsSubject, store, logger } = this.#o;
    try {
      await bus.publish<IngestRequested>(jobsSubject, ingestRequest(job, `${job.id}@${job.updatedAt}`));
    } catch (error) {
      const failure = toRagfleetError(error);
      logger.warn(
        { jobId: job.id, err: failure.internal ?? failure.message },
        'ingest sweep cannot queue jobs now',
      );
      return 'queue-unavailable';
    }
    const now = this.#o.now();
    // A running job whose worker is gone goes back to queued; a queued one just gets a fresh time,
    // so it is not published again before another staleAfterMs has passed.
    const next =
      job.state === 'running'
        ? transition(job, 'queued', now, {
            error: 'its worker was lost; queued again',
            errorCode: 'SERVICE_UNAVAILABLE',
          })
        : { ...job, updatedAt: now.toISOString() };
    // False: a worker took the new message first, or another replica swept it; either covers it.
    return (await store.saveJobIfUnchanged(job, next)) ? 'requeued' : 'taken';
  }

  async #giveUp(job: IngestJob): Promise<boolean> {
    const failed = transition(job, 'failed', this.#o.now(), {
      error: `gave up after ${job.attempts} attempts: its worker was lost each time`,
      errorCode: 'SERVICE_UNAVAILABLE',
    });
    const saved = await this.#o.store.saveJobIfUnchanged(job, failed);
    if (saved) this.#o.logger.warn({ jobId: job.id, attempts: job.attempts }, 'ingest sweep gave a job up');
    return saved;
  }
}
