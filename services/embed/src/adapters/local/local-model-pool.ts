import { Worker } from 'node:worker_threads';
import { RagfleetError } from '@ragfleet/errors';
import type { PoolToWorker, WorkerToPool } from './worker-messages.ts';

export interface LocalModelPoolOptions {
  /** Worker threads, each holding its own copy of the model. */
  size: number;
  /** The worker script; tests point it elsewhere. */
  workerUrl?: URL;
  /** Handed to each worker thread; tests script their fixture workers with it. */
  workerData?: unknown;
  /** Told when a worker dies, so that it reaches the logs. */
  onWorkerLost?: (reason: string) => void;
  /** Loading the model, all workers together: tries before start() gives up (default 3). */
  loadAttempts?: number;
  /** Wait before the second try, doubled for each one after (default 500 ms). */
  loadRetryDelayMs?: number;
  /** Told when a try failed and another follows, so that it reaches the logs. */
  onLoadRetry?: (attempt: number, reason: string, delayMs: number) => void;
}

interface Job {
  id: number;
  texts: string[];
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: unknown) => void;
}

interface PoolWorker {
  thread: Worker;
  job: Job | undefined;
}

const DEFAULT_WORKER_URL = new URL('./local-model-worker.ts', import.meta.url);

function unavailable(internal: string): RagfleetError {
  return new RagfleetError('PROVIDER_UNAVAILABLE', 'The local embedding model is unavailable', { internal });
}

function reasonOf(error: unknown): string {
  if (error instanceof RagfleetError) return error.internal ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Worker threads that each load the model once. A batch goes to an idle worker or waits in a
 * queue, so throughput grows with the number of cores while every batch runs on one thread.
 */
export class LocalModelPool {
  readonly size: number;
  readonly #workerUrl: URL;
  readonly #workerData: unknown;
  readonly #onWorkerLost: (reason: string) => void;
  readonly #loadAttempts: number;
  readonly #loadRetryDelayMs: number;
  readonly #onLoadRetry: NonNullable<LocalModelPoolOptions['onLoadRetry']>;
  /** Every thread spawned and not yet gone, loading or loaded: what close() must terminate. */
  readonly #threads = new Set<Worker>();
  readonly #workers = new Set<PoolWorker>();
  readonly #idle: PoolWorker[] = [];
  readonly #queue: Job[] = [];
  #nextJobId = 1;
  #starting: Promise<void> | undefined;
  #closed = false;

  constructor(options: LocalModelPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`pool size must be >= 1`);
    this.size = options.size;
    this.#workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
    this.#workerData = options.workerData;
    this.#onWorkerLost = options.onWorkerLost ?? (() => {});
    this.#loadAttempts = options.loadAttempts ?? 3;
    this.#loadRetryDelayMs = options.loadRetryDelayMs ?? 500;
    this.#onLoadRetry = options.onLoadRetry ?? (() => {});
    if (!Number.isInteger(this.#loadAttempts) || this.#loadAttempts < 1) {
      throw new RangeError('loadAttempts must be >= 1');
    }
  }

  /**
   * Starts every worker and waits for each to load the model; safe to call more than once, and
   * concurrent callers (an embed call arriving during the start) share the one start. A failed
   * load is tried again, all workers afresh, a bounded number of times with a doubling wait;
   * then the pool closes and the error says how many tries failed and why the last one did.
   */
  start(): Promise<void> {
    this.#starting ??= this.#startWithRetries().catch(async (error: unknown) => {
      await this.close();
      throw error;
    });
    return this.#starting;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (this.#closed) throw unavailable('pool closed');
    await this.start();
    // Every worker lost and none replaced (their replacements failed to load): a queued batch
    // would wait for ever, so it fails at once instead.
    if (this.#threads.size === 0) throw unavailable('no worker left');
    return new Promise<Float32Array[]>((resolve, reject) => {
      this.#queue.push({ id: this.#nextJobId++, texts, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(unavailable('pool closed'));
    const workers = [...this.#workers];
    this.#workers.clear();
    this.#idle.length = 0;
    for (const worker of workers) worker.job?.reject(unavailable('pool closed'));
    await this.#terminateAll();
  }

  async #startWithRetries(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await Promise.all(Array.from({ length: this.size }, () => this.#spawn()));
        return;
      } catch (error) {
        // Workers of this try that did load are dropped too: the next try starts every one afresh.
        this.#workers.clear();
        this.#idle.length = 0;
        await this.#terminateAll();
        const reason = reasonOf(error);
        if (this.#closed) throw unavailable('pool closed');
        if (attempt >= this.#loadAttempts) {
          throw unavailable(`${reason} (${attempt} of ${this.#loadAttempts} tries failed)`);
        }
        const delayMs = this.#loadRetryDelayMs * 2 ** (attempt - 1);
        this.#onLoadRetry(attempt, reason, delayMs);
        await sleep(delayMs);
        if (this.#closed) throw unavailable('pool closed');
      }
    }
  }

  async #terminateAll(): Promise<void> {
    const threads = [...this.#threads];
    this.#threads.clear();
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  #spawn(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const thread = new Worker(this.#workerUrl, { workerData: this.#workerData });
      this.#threads.add(thread);
      const worker: PoolWorker = { thread, job: undefined };
      let ready = false;
      worker.thread.on('message', (message: WorkerToPool) => {
        if (message.type === 'ready') {
          ready = true;
          if (this.#closed) return void worker.thread.terminate().then(() => resolve());
          this.#workers.add(worker);
          this.#idle.push(worker);
          this.#dispatch();
          resolve();
        } else if (message.type === 'load-failed') {
          reject(unavailable(`model failed to load: ${message.message}`));
        } else {
          this.#finish(worker, message);
        }
      });
      worker.thread.on('error', (error) => {
        if (!ready) reject(unavailable(`worker failed to start: ${error.message}`));
        else this.#lose(worker, `worker crashed: ${error.message}`);
      });
      worker.thread.on('exit', (code) => {
        this.#threads.delete(thread);
        if (!ready) reject(unavailable(`worker exited with code ${code} before loading the model`));
        else this.#lose(worker, `worker exited with code ${code}`);
      });
    });
  }

  #finish(worker: PoolWorker, message: Extract<WorkerToPool, { id: number }>): void {
    const job = worker.job;
    if (!job || job.id !== message.id) return;
    worker.job = undefined;
    this.#idle.push(worker);
    if (message.type === 'embedded') {
      const { values, dimensions } = message;
      job.resolve(job.texts.map((_, row) => values.subarray(row * dimensions, (row + 1) * dimensions)));
    } else {
      job.reject(unavailable(`model failed on a batch: ${message.message}`));
    }
    this.#dispatch();
  }

  /** A worker died: fail its batch (the caller may retry), and replace it so the pool keeps its size. */
  #lose(worker: PoolWorker, reason: string): void {
    if (this.#closed || !this.#workers.delete(worker)) return;
    const idleAt = this.#idle.indexOf(worker);
    if (idleAt >= 0) this.#idle.splice(idleAt, 1);
    worker.job?.reject(unavailable(reason));
    this.#onWorkerLost(reason);
    this.#spawn().catch((error: unknown) => {
      this.#onWorkerLost(
        `replacement worker failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (this.#workers.size === 0) {
        for (const job of this.#queue.splice(0)) job.reject(unavailable('no worker left'));
      }
    });
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const job = this.#queue.shift()!;
      worker.job = job;
      const message: PoolToWorker = { type: 'embed', id: job.id, texts: job.texts };
      worker.thread.postMessage(message);
    }
  }
}
