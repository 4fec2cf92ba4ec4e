import { RagfleetError } from '@ragfleet/errors';
import { injectTraceContext } from '@ragfleet/telemetry';
import type {
  EventBus,
  EventBusState,
  EventEnvelope,
  EventHandler,
  PublishResult,
  StreamSpec,
  SubscribeOptions,
  Subscription,
} from './event-bus.ts';
import { DEFAULT_REDELIVERY, resolveSubscribeOptions, type RedeliveryPolicy } from './delivery-policy.ts';
import type { EventLogger } from './event-logger.ts';
import { MemoryConsumer, type MemoryWorker } from './in-memory-consumer.ts';
import { MemoryStream } from './in-memory-stream.ts';
import { streamFor } from './subjects.ts';
import { realTimers, type Timers } from './timers.ts';

export interface InMemoryEventBusOptions {
  streams: StreamSpec[];
  logger: EventLogger;
  redelivery?: Partial<RedeliveryPolicy>;
  timers?: Timers;
  /** Cap on messages a stream keeps in memory (oldest dropped first). */
  maxMessagesPerStream?: number;
}

/**
 * The embedded default: the same observable semantics as the JetStream adapter (retention,
 * de-duplication, durables sharing work, redelivery with backoff, give-up after maxAttempts) in
 * one process. A running handler is never presumed dead here, so ackWaitMs has no effect.
 */
export class InMemoryEventBus implements EventBus {
  readonly #streams = new Map<string, MemoryStream>();
  readonly #specs: StreamSpec[];
  readonly #logger: EventLogger;
  readonly #redelivery: RedeliveryPolicy;
  readonly #timers: Timers;
  readonly #subscriptions = new Set<Subscription>();
  #closed = false;

  /** In one process there is nothing to lose touch with: connected until closed. */
  get state(): EventBusState {
    return this.#closed ? 'closed' : 'connected';
  }

  constructor(options: InMemoryEventBusOptions) {
    this.#specs = options.streams;
    this.#logger = options.logger;
    this.#redelivery = { ...DEFAULT_REDELIVERY, ...options.redelivery };
    this.#timers = options.timers ?? realTimers;
    for (const spec of options.streams) {
      this.#streams.set(
        spec.name,
        new MemoryStream(spec, this.#timers, options.maxMessagesPerStream ?? 10_000),
      );
    }
  }

  async publish<T>(subject: string, event: EventEnvelope<T>): Promise<PublishResult> {
    this.#assertOpen();
    const stream = this.#streamFor(subject);
    const headers: Record<string, string> = {};
    injectTraceContext(headers);
    const stored = stream.append(event.id, { subject, payload: JSON.stringify(event), headers });
    return { duplicate: !stored };
  }

  async subscribe<T>(
    subject: string,
    options: SubscribeOptions,
    handler: EventHandler<T>,
  ): Promise<Subscription> {
    this.#assertOpen();
    const resolved = resolveSubscribeOptions(options);
    const stream = this.#streamFor(subject);
    const consumer = this.#durable(stream, subject, resolved.durable, resolved.maxAttempts);
    // Like a JetStream consumer update: the latest subscriber's settings apply to the durable.
    consumer.maxAttempts = resolved.maxAttempts;
    const worker: MemoryWorker = {
      concurrency: resolved.concurrency,
      handler: handler as EventHandler<unknown>,
      running: new Set(),
      stopped: false,
    };
    const subscription: Subscription = {
      stop: async () => {
        worker.stopped = true;
        consumer.removeWorker(worker);
        this.#subscriptions.delete(subscription);
        // A stopped worker takes no new message, so the running set only shrinks.
        while (worker.running.size > 0) await Promise.allSettled([...worker.running]);
      },
    };
    this.#subscriptions.add(subscription);
    consumer.addWorker(worker);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.stop()));
    for (const stream of this.#streams.values()) {
      for (const consumer of stream.consumers.values()) consumer.cancelTimer();
    }
  }

  #durable(stream: MemoryStream, filter: string, durable: string, maxAttempts: number): MemoryConsumer {
    const existing = stream.consumers.get(durable);
    if (existing) {
      if (existing.filter !== filter) {
        throw new RagfleetError(
          'INVALID_ARGUMENT',
          `Durable "${durable}" already filters "${existing.filter}".`,
          {
            details: { stream: stream.name, durable, filter },
          },
        );
      }
      return existing;
    }
    stream.assertNoOverlap(durable, filter);
    const consumer = new MemoryConsumer({
      durable,
      filter,
      maxAttempts,
      source: stream,
      timers: this.#timers,
      redelivery: this.#redelivery,
      logger: this.#logger,
    });
    stream.consumers.set(durable, consumer);
    for (const seq of stream.backlog(filter)) consumer.offer(seq);
    return consumer;
  }

  #streamFor(subject: string): MemoryStream {
    const spec = streamFor(this.#specs, subject);
    const stream = this.#streams.get(spec.name);
    if (!stream) throw new RagfleetError('INTERNAL', `Stream ${spec.name} was not created.`);
    return stream;
  }

  #assertOpen(): void {
    if (this.#closed) throw new RagfleetError('SERVICE_UNAVAILABLE', 'The event bus is closed.');
  }
}
