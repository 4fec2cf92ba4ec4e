import { extractTraceContext, runInContext } from '@ragfleet/telemetry';
import type { EventEnvelope, EventHandler } from './event-bus.ts';
import { redeliveryDelayMs, type RedeliveryPolicy } from './delivery-policy.ts';
import { errorFields, type EventLogger } from './event-logger.ts';
import type { Timers } from './timers.ts';

export interface StoredMessage {
  seq: number;
  subject: string;
  /** The envelope as JSON, so handlers get a fresh copy as they would from NATS. */
  payload: string;
  headers: Record<string, string>;
}

/** What a consumer needs from its stream. */
export interface MessageSource {
  readonly name: string;
  get(seq: number): StoredMessage | undefined;
  /** The message is done for this consumer (acked or given up). */
  settled(seq: number): void;
}

interface PendingState {
  deliveries: number;
  readyAt: number;
  inFlight: boolean;
}

/** One subscriber process-slot group sharing a durable. */
export interface MemoryWorker {
  readonly concurrency: number;
  readonly handler: EventHandler<unknown>;
  readonly running: Set<Promise<void>>;
  stopped: boolean;
}

/**
 * The in-process twin of a durable JetStream pull consumer: it remembers which messages of its
 * stream are still owed, hands each one to a single worker with a free slot, and redelivers failed
 * ones with a growing delay until maxAttempts, after which it gives up loudly.
 */
export class MemoryConsumer {
  readonly durable: string;
  readonly filter: string;
  maxAttempts: number;
  readonly #source: MessageSource;
  readonly #pending = new Map<number, PendingState>();
  readonly #workers: MemoryWorker[] = [];
  readonly #timers: Timers;
  readonly #redelivery: RedeliveryPolicy;
  readonly #logger: EventLogger;
  #nextWorker = 0;
  #timer: { handle: unknown; at: number } | undefined;

  constructor(fields: {
    durable: string;
    filter: string;
    maxAttempts: number;
    source: MessageSource;
    timers: Timers;
    redelivery: RedeliveryPolicy;
    logger: EventLogger;
  }) {
    this.durable = fields.durable;
    this.filter = fields.filter;
    this.maxAttempts = fields.maxAttempts;
    this.#source = fields.source;
    this.#timers = fields.timers;
    this.#redelivery = fields.redelivery;
    this.#logger = fields.logger;
  }

  offer(seq: number): void {
    this.#pending.set(seq, { deliveries: 0, readyAt: 0, inFlight: false });
    this.pump();
  }

  addWorker(worker: MemoryWorker): void {
    this.#workers.push(worker);
    this.pump();
  }

  removeWorker(worker: MemoryWorker): void {
    const index = this.#workers.indexOf(worker);
    if (index >= 0) this.#workers.splice(index, 1);
  }

  cancelTimer(): void {
    if (this.#timer) this.#timers.clearTimeout(this.#timer.handle);
    this.#timer = undefined;
  }

  /** Starts every ready message that has a free worker; arms a timer for the next backoff. */
  pump(): void {
    const now = this.#timers.now();
    let nextReadyAt = Infinity;
    for (const [seq, state] of this.#pending) {
      if (state.inFlight) continue;
      if (state.readyAt > now) {
        nextReadyAt = Math.min(nextReadyAt, state.readyAt);
        continue;
      }
      const worker = this.#freeWorker();
      if (!worker) break;
      this.#deliver(worker, seq, state);
    }
    if (nextReadyAt !== Infinity) this.#wakeAt(nextReadyAt, now);
  }

  #freeWorker(): MemoryWorker | undefined {
    for (let i = 0; i < this.#workers.length; i++) {
      const index = (this.#nextWorker + i) % this.#workers.length;
      const worker = this.#workers[index];
      if (worker && !worker.stopped && worker.running.size < worker.concurrency) {
        this.#nextWorker = index + 1;
        return worker;
      }
    }
    return undefined;
  }

  #wakeAt(at: number, now: number): void {
    if (this.#timer && this.#timer.at <= at) return;
    this.cancelTimer();
    const handle = this.#timers.setTimeout(() => {
      this.#timer = undefined;
      this.pump();
    }, at - now);
    this.#timer = { handle, at };
  }

  #deliver(worker: MemoryWorker, seq: number, state: PendingState): void {
    const message = this.#source.get(seq);
    if (!message) {
      // Dropped by the stream's size limit before this consumer got to it.
      this.#pending.delete(seq);
      return;
    }
    state.inFlight = true;
    state.deliveries += 1;
    const attempt = state.deliveries;
    const run = this.#run(worker, message, attempt, state);
    worker.running.add(run);
    void run.finally(() => {
      worker.running.delete(run);
      this.pump();
    });
  }

  async #run(
    worker: MemoryWorker,
    message: StoredMessage,
    attempt: number,
    state: PendingState,
  ): Promise<void> {
    // Yield first so a publish never runs a handler inside the publisher's call stack.
    await Promise.resolve();
    try {
      const event = JSON.parse(message.payload) as EventEnvelope<unknown>;
      const traceContext = extractTraceContext(message.headers);
      await runInContext(traceContext, () => worker.handler(event, { attempt, subject: message.subject }));
      this.#settle(message.seq);
    } catch (error) {
      this.#failed(message, attempt, state, error);
    }
  }

  #failed(message: StoredMessage, attempt: number, state: PendingState, error: unknown): void {
    const fields = {
      stream: this.#source.name,
      durable: this.durable,
      subject: message.subject,
      seq: message.seq,
      attempt,
      maxAttempts: this.maxAttempts,
      ...errorFields(error),
    };
    if (attempt >= this.maxAttempts) {
      this.#logger.error(fields, 'event handler failed on its last attempt; giving the event up');
      this.#settle(message.seq);
      return;
    }
    const delayMs = redeliveryDelayMs(attempt, this.#redelivery);
    this.#logger.warn({ ...fields, retryInMs: delayMs }, 'event handler failed; will redeliver');
    state.inFlight = false;
    state.readyAt = this.#timers.now() + delayMs;
  }

  #settle(seq: number): void {
    this.#pending.delete(seq);
    this.#source.settled(seq);
  }
}
