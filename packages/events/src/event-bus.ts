/**
 * The typed envelope every event travels in. `id` doubles as the de-duplication key: publishing
 * the same id twice within the stream's window stores it once.
 */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  source: string;
  /** RFC 3339 time the event was created. */
  time: string;
  tenant: string;
  data: T;
}

export interface StreamSpec {
  /** JetStream stream name, e.g. RAGFLEET_INGEST. */
  name: string;
  /** Subjects it captures, e.g. ['ragfleet.ingest.>']. */
  subjects: string[];
  /** workqueue: a message is removed once acked (jobs); limits: kept for every consumer (events). */
  retention: 'workqueue' | 'limits';
  /** Window within which a repeated envelope id is dropped as a duplicate. */
  duplicateWindowMs?: number;
}

export interface Delivery {
  /** 1 on first delivery, higher on redelivery after a failed or timed-out attempt. */
  attempt: number;
  subject: string;
}

export type EventHandler<T> = (event: EventEnvelope<T>, delivery: Delivery) => Promise<void>;

export interface SubscribeOptions {
  /** Durable consumer name: replicas that share it share the work; each message goes to one of them. */
  durable: string;
  /** After this many failed attempts the message is given up (terminated) and logged. */
  maxAttempts?: number;
  /** How long a handler may run before the message is redelivered elsewhere. */
  ackWaitMs?: number;
  /** Handlers running at once in this process. */
  concurrency?: number;
}

export interface Subscription {
  /** Stops receiving; waits for running handlers to finish (so their acks are sent). */
  stop(): Promise<void>;
}

export interface PublishResult {
  /** True when the stream already held an event with this id (nothing new was stored). */
  duplicate: boolean;
}

/**
 * Where a bus's connection stands. `reconnecting`: the server is out of reach and the bus keeps
 * trying (without a limit); publishes fail at once with SERVICE_UNAVAILABLE meanwhile, and
 * subscriptions resume by themselves once it is back. `closed`: close() was called.
 */
export type EventBusState = 'connected' | 'reconnecting' | 'closed';

/**
 * Events between services. Handlers are acked only after they resolve, i.e. after their effect
 * is stored; a handler that throws is redelivered with a growing delay. Adapters: NATS
 * JetStream (production) and in-process (embedded default, tests).
 */
export interface EventBus {
  publish<T>(subject: string, event: EventEnvelope<T>): Promise<PublishResult>;
  subscribe<T>(subject: string, options: SubscribeOptions, handler: EventHandler<T>): Promise<Subscription>;
  close(): Promise<void>;
  readonly state: EventBusState;
}
