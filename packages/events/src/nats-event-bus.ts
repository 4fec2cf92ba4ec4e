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
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { RagfleetError } from '@ragfleet/errors';
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
import { errorFields, type EventLogger } from './event-logger.ts';
import { ConnectionWatch, connectNats, type NatsConnectOptions } from './nats-connection.ts';
import { outgoingHeaders } from './nats-headers.ts';
import { ensureStreams } from './nats-streams.ts';
import { NatsSubscription } from './nats-subscription.ts';
import { streamFor } from './subjects.ts';

export interface NatsEventBusOptions {
  connection: NatsConnection;
  streams: StreamSpec[];
  logger: EventLogger;
  redelivery?: Partial<RedeliveryPolicy>;
  /** How long a publish waits for the stream's acknowledgement. */
  publishTimeoutMs?: number;
}

const DEFAULT_PUBLISH_TIMEOUT_MS = 5_000;
/** Between two attempts to repair the streams after a reconnect: grows to the cap. */
const REPAIR_DELAYS_MS = [250, 1_000, 5_000];

/**
 * EventBus on NATS JetStream: the envelope id is the JetStream message id (server-side
 * de-duplication), subscriptions are durable pull consumers with explicit acks, and trace context
 * travels in the message headers. The connection reconnects without a limit; after each
 * reconnect the streams are ensured again (a server restarted without its data has lost them)
 * and subscriptions re-create their consumers when theirs vanished. close() drains the connection.
 */
export class NatsEventBus implements EventBus {
  readonly #connection: NatsConnection;
  readonly #js: JetStreamClient;
  readonly #streams: StreamSpec[];
  readonly #logger: EventLogger;
  readonly #redelivery: RedeliveryPolicy;
  readonly #subscriptions = new Set<Subscription>();
  readonly #watch: ConnectionWatch;
  readonly #publishTimeoutMs: number;
  #jsm: Promise<JetStreamManager> | undefined;
  #repairing: Promise<void> | undefined;

  constructor(options: NatsEventBusOptions) {
    this.#connection = options.connection;
    this.#js = jetstream(options.connection);
    this.#streams = options.streams;
    this.#logger = options.logger;
    this.#redelivery = { ...DEFAULT_REDELIVERY, ...options.redelivery };
    this.#publishTimeoutMs = options.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS;
    this.#watch = new ConnectionWatch(options.connection, options.logger);
    this.#watch.onReconnect(() => void this.#repairStreams());
  }

  static async connect(
    options: Omit<NatsEventBusOptions, 'connection'> & NatsConnectOptions,
  ): Promise<NatsEventBus> {
    return new NatsEventBus({ ...options, connection: await connectNats(options) });
  }

  get state(): EventBusState {
    return this.#watch.state;
  }

  /** Creates or updates every stream this bus was given. */
  async ensureStreams(): Promise<void> {
    await ensureStreams(await this.#manager(), this.#streams, this.#logger);
  }

  /**
   * Resolves once the stream has stored the event. While the server is out of reach it fails at
   * once (SERVICE_UNAVAILABLE, retryable) rather than queueing the message in the client, where a
   * crash would lose it after the caller was told nothing; a caller that must not lose the event
   * keeps it (e.g. in its store) and publishes it again.
   */
  async publish<T>(subject: string, event: EventEnvelope<T>): Promise<PublishResult> {
    streamFor(this.#streams, subject);
    if (this.#watch.state !== 'connected') {
      throw new RagfleetError(
        'SERVICE_UNAVAILABLE',
        'The event bus is reconnecting; the event was not published.',
        {
          details: { subject },
          internal: `NATS connection ${this.#watch.state}`,
        },
      );
    }
    try {
      const ack = await this.#js.publish(subject, JSON.stringify(event), {
        msgID: event.id,
        headers: outgoingHeaders(event),
        timeout: this.#publishTimeoutMs,
      });
      return { duplicate: ack.duplicate };
    } catch (error) {
      // "No responders" (reported as JetStream not enabled) for a subject a declared stream
      // captures: the stream is gone or JetStream is not serving yet, e.g. just after a restart.
      if (error instanceof Error && error.name === 'JetStreamNotEnabled') void this.#repairStreams();
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
    const spec = streamFor(this.#streams, subject);
    const subscription = await NatsSubscription.start({
      ...resolved,
      // Again after the pull stopped (its consumer or stream vanished): ensure both first.
      open: async (again) => {
        if (again) await ensureStreams(await this.#manager(), [spec], this.#logger);
        await this.#ensureConsumer(spec.name, subject, resolved);
        const consumer = await this.#js.consumers.get(spec.name, resolved.durable);
        return consumer.consume({ max_messages: resolved.concurrency, abort_on_missing_resource: true });
      },
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
    if (this.#connection.isClosed()) return;
    // Draining needs the server; while it is out of reach there is nothing in flight to wait for.
    if (this.#watch.state === 'connected') await this.#connection.drain();
    else await this.#connection.close();
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

  /** Ensures every stream again, retrying while the server answers but JetStream is not ready yet. */
  #repairStreams(): Promise<void> {
    this.#repairing ??= (async () => {
      for (let attempt = 0; this.#watch.state === 'connected'; attempt++) {
        try {
          await this.ensureStreams();
          return;
        } catch (error) {
          this.#logger.warn(
            { attempt, ...errorFields(error) },
            'event streams not ensured after reconnect; retrying',
          );
          const delay = REPAIR_DELAYS_MS[Math.min(attempt, REPAIR_DELAYS_MS.length - 1)] ?? 5_000;
          await new Promise((resolve) => setTimeout(resolve, delay).unref());
        }
      }
    })().finally(() => {
      this.#repairing = undefined;
    });
    return this.#repairing;
  }

  #manager(): Promise<JetStreamManager> {
    this.#jsm ??= jetstreamManager(this.#connection);
    return this.#jsm;
  }
}
