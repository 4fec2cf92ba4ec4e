import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  type ConsumerConfig,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { RagfleetError } from '@ragfleet/errors';
import type {
  EventBus,
  EventEnvelope,
  EventHandler,
  PublishResult,
  StreamSpec,
  SubscribeOptions,
  Subscription,
} from './event-bus.ts';
import { DEFAULT_REDELIVERY, resolveSubscribeOptions, type RedeliveryPolicy } from './delivery-policy.ts';
import type { EventLogger } from './event-logger.ts';
import { outgoingHeaders } from './nats-headers.ts';
import { ensureStreams } from './nats-streams.ts';
import { NatsSubscription } from './nats-subscription.ts';
import { streamFor } from './subjects.ts';

export interface NatsEventBusOptions {
  connection: NatsConnection;
  streams: StreamSpec[];
  logger: EventLogger;
  redelivery?: Partial<RedeliveryPolicy>;
}

/**
 * EventBus on NATS JetStream: the envelope id is the JetStream message id (server-side
 * de-duplication), subscriptions are durable pull consumers with explicit acks, and trace context
 * travels in the message headers. close() drains the connection it was given.
 */
export class NatsEventBus implements EventBus {
  readonly #connection: NatsConnection;
  readonly #js: JetStreamClient;
  readonly #streams: StreamSpec[];
  readonly #logger: EventLogger;
  readonly #redelivery: RedeliveryPolicy;
  readonly #subscriptions = new Set<Subscription>();
  #jsm: Promise<JetStreamManager> | undefined;

  constructor(options: NatsEventBusOptions) {
    this.#connection = options.connection;
    this.#js = jetstream(options.connection);
    this.#streams = options.streams;
    this.#logger = options.logger;
    this.#redelivery = { ...DEFAULT_REDELIVERY, ...options.redelivery };
  }

  static async connect(
    options: Omit<NatsEventBusOptions, 'connection'> & { url: string; name?: string },
  ): Promise<NatsEventBus> {
    let connection: NatsConnection;
    try {
      connection = await connect({ servers: options.url, name: options.name });
    } catch (error) {
      throw new RagfleetError('SERVICE_UNAVAILABLE', 'Cannot reach the event bus (NATS).', {
        cause: error,
        internal: `NATS at ${options.url}: ${String(error)}`,
      });
    }
    return new NatsEventBus({ ...options, connection });
  }

  /** Creates or updates every stream this bus was given. */
  async ensureStreams(): Promise<void> {
    await ensureStreams(await this.#manager(), this.#streams, this.#logger);
  }

  async publish<T>(subject: string, event: EventEnvelope<T>): Promise<PublishResult> {
    try {
      const ack = await this.#js.publish(subject, JSON.stringify(event), {
        msgID: event.id,
        headers: outgoingHeaders(event),
      });
      return { duplicate: ack.duplicate };
    } catch (error) {
      // The client reports "no responders" to a publish as JetStream not enabled; streams were
      // ensured at start, so the real cause is a subject that no stream captures.
      if (error instanceof Error && error.name === 'JetStreamNotEnabled') {
        throw new RagfleetError('INVALID_ARGUMENT', `No event stream captures the subject "${subject}".`, {
          cause: error,
          details: { subject },
        });
      }
      throw new RagfleetError('SERVICE_UNAVAILABLE', 'Publishing the event failed.', {
        cause: error,
        details: { subject },
        internal: String(error),
      });
    }
  }

  async subscribe<T>(
    subject: string,
    options: SubscribeOptions,
    handler: EventHandler<T>,
  ): Promise<Subscription> {
    const resolved = resolveSubscribeOptions(options);
    const stream = streamFor(this.#streams, subject).name;
    await this.#ensureConsumer(stream, subject, resolved);
    const consumer = await this.#js.consumers.get(stream, resolved.durable);
    const messages = await consumer.consume({ max_messages: resolved.concurrency });
    const subscription = new NatsSubscription({
      ...resolved,
      messages,
      handler: handler as EventHandler<unknown>,
      redelivery: this.#redelivery,
      logger: this.#logger,
    });
    const tracked: Subscription = {
      stop: async () => {
        this.#subscriptions.delete(tracked);
        await subscription.stop();
      },
    };
    this.#subscriptions.add(tracked);
    return tracked;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.stop()));
    if (!this.#connection.isClosed()) await this.#connection.drain();
  }

  async #ensureConsumer(
    stream: string,
    subject: string,
    options: { durable: string; maxAttempts: number; ackWaitMs: number },
  ): Promise<void> {
    const settings = {
      max_deliver: options.maxAttempts,
      ack_wait: nanos(options.ackWaitMs),
      filter_subject: subject,
    };
    const config: Partial<ConsumerConfig> = {
      durable_name: options.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ...settings,
    };
    const jsm = await this.#manager();
    try {
      await jsm.consumers.add(stream, config);
    } catch (error) {
      // An existing durable with other settings: bring it up to date (the latest deploy wins).
      // Any other refusal (e.g. overlapping work-queue filters) is reported as the server said it.
      if (!(error instanceof JetStreamApiError)) throw error;
      const exists = await jsm.consumers.info(stream, options.durable).then(
        () => true,
        () => false,
      );
      if (!exists) {
        throw new RagfleetError('INVALID_ARGUMENT', `The server refused the durable "${options.durable}".`, {
          cause: error,
          details: { stream, durable: options.durable, subject },
          internal: error.message,
        });
      }
      await jsm.consumers.update(stream, options.durable, settings);
    }
  }

  #manager(): Promise<JetStreamManager> {
    this.#jsm ??= jetstreamManager(this.#connection);
    return this.#jsm;
  }
}
