import {
  status,
  type CallOptions,
  type ChannelCredentials,
  type ChannelOptions,
  type Client,
  type ClientReadableStream,
  type ClientUnaryCall,
  type Metadata,
  type ServiceDefinition,
  type ServiceError,
} from '@grpc/grpc-js';
import { ERROR_CODES, RagfleetError, isRagfleetError } from '@ragfleet/errors';
import { currentRequestContext, type Registry } from '@ragfleet/telemetry';
import { clientCallObserver, type ClientCallObserver } from './client-metrics.ts';
import { ConnectWatchdog } from './connect-watchdog.ts';
import { IdleTimer } from './idle-timer.ts';
import { outgoingMetadata } from './metadata.ts';
import { fromGrpcError } from './status.ts';
import { developmentTransport, type Transport } from './transport.ts';

type UnaryMethod = (
  request: unknown,
  metadata: Metadata,
  options: CallOptions,
  callback: (error: ServiceError | null, response?: unknown) => void,
) => ClientUnaryCall;
type StreamMethod = (
  request: unknown,
  metadata: Metadata,
  options: CallOptions,
) => ClientReadableStream<unknown>;

export interface CallSettings {
  /** Per-call deadline; the caller's own deadline wins when it is sooner. */
  deadlineMs?: number;
  /** Only idempotent calls are retried, and only when the server was unreachable. */
  idempotent?: boolean;
  signal?: AbortSignal;
  /**
   * Server streams: the longest silence allowed before the first message and between two
   * messages. Past it the call is cancelled and the iterator throws UPSTREAM_TIMEOUT (retryable).
   * Time the caller spends on a message does not count. 0 turns the limit off.
   */
  idleTimeoutMs?: number;
  /**
   * How long a call waits for a connection (an upstream restarting) before it fails with
   * SERVICE_UNAVAILABLE, within its deadline. Nothing is sent while waiting, so it is safe for
   * every call, idempotent or not. 0: wait up to the deadline.
   */
  readyTimeoutMs?: number;
}

export interface ClientSettings {
  defaultDeadlineMs?: number;
  retries?: number;
  /** Credentials and service tokens (ServiceKit.transport); default: development, plaintext without tokens. */
  transport?: Transport;
  /** The service called, which tokens are addressed to; default: the proto package's service (ragfleet.<name>.v1). */
  audience?: string;
  /** Default for CallSettings.idleTimeoutMs. */
  idleTimeoutMs?: number;
  /** Default for CallSettings.readyTimeoutMs. */
  readyTimeoutMs?: number;
  /** The calling service's registry: per-hop latency and retries are recorded there (ServiceKit.registry). */
  registry?: Registry;
}

type GeneratedClient<C extends Client> = (new (
  address: string,
  creds: ChannelCredentials,
  options?: ChannelOptions,
) => C) & { service?: ServiceDefinition };

const RETRYABLE_STATUSES = new Set([status.UNAVAILABLE]);
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
const DEFAULT_READY_TIMEOUT_MS = 5_000;

/**
 * grpc-js reconnects after 1 s, then 1.6x longer each time up to 120 s: an upstream back after a
 * few seconds' restart could wait ten more for the next attempt. Capped at 1 s (plus 20% jitter),
 * a restarted upstream is found within about a second of listening.
 */
export const RECONNECT_CHANNEL_OPTIONS: ChannelOptions = {
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 1_000,
};

function deadlineFor(settings: CallSettings, fallbackMs: number): Date {
  const own = Date.now() + (settings.deadlineMs ?? fallbackMs);
  const inherited = currentRequestContext()?.deadline;
  return new Date(inherited ? Math.min(own, inherited) : own);
}

/** `ragfleet.embed.v1.EmbedService/Embed` → `embed`: each service owns one proto package. */
function audienceOf(definition: ServiceDefinition | undefined): string | undefined {
  const path = definition ? Object.values(definition)[0]?.path : undefined;
  return path ? /^\/ragfleet\.([a-z0-9_-]+)\.v\d+\./.exec(path)?.[1] : undefined;
}

function cancelledByCaller(cause?: unknown): RagfleetError {
  return new RagfleetError('CANCELLED', 'cancelled by caller', { cause });
}

/**
 * A promise/async-iterator face over a generated grpc-js client with the fleet's rules:
 * deadlines on every call, a service token and trace context in metadata, a bounded wait for a
 * connection (wait-for-ready), idle limits on streams, errors as RagfleetError.
 */
export class GrpcClient<C extends Client> {
  readonly raw: C;
  readonly address: string;
  readonly audience: string;
  readonly #transport: Transport;
  readonly #settings: Required<Omit<ClientSettings, 'transport' | 'audience' | 'registry'>>;
  readonly #observer: ClientCallObserver | undefined;

  constructor(ClientClass: GeneratedClient<C>, address: string, settings: ClientSettings = {}) {
    this.#transport = settings.transport ?? developmentTransport();
    const audience = settings.audience ?? audienceOf(ClientClass.service);
    if (!audience) throw new Error(`GrpcClient for ${address}: no audience given or derivable`);
    this.audience = audience;
    this.address = address;
    this.raw = new ClientClass(address, this.#transport.channelCredentials, {
      'grpc.keepalive_time_ms': 30_000,
      'grpc.max_receive_message_length': 64 * 1024 * 1024,
      ...RECONNECT_CHANNEL_OPTIONS,
      ...this.#transport.channelOptions,
    });
    this.#settings = {
      defaultDeadlineMs: settings.defaultDeadlineMs ?? 10_000,
      retries: settings.retries ?? 2,
      idleTimeoutMs: settings.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      readyTimeoutMs: settings.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
    };
    this.#observer = settings.registry ? clientCallObserver(settings.registry) : undefined;
  }

  async unary<Res>(method: keyof C & string, request: unknown, settings: CallSettings = {}): Promise<Res> {
    const started = performance.now();
    try {
      const response = await this.#unaryWithRetries<Res>(method, request, settings);
      this.#observer?.finished(this.audience, method, (performance.now() - started) / 1000);
      return response;
    } catch (error) {
      this.#observer?.finished(this.audience, method, (performance.now() - started) / 1000, error);
      throw error;
    }
  }

  /** A server stream as an async iterable; breaking out of the loop or aborting cancels the call. */
  async *stream<Res>(
    method: keyof C & string,
    request: unknown,
    settings: CallSettings = {},
  ): AsyncGenerator<Res> {
    const started = performance.now();
    let failure: unknown;
    try {
      yield* this.#streamOnce<Res>(method, request, settings);
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      this.#observer?.finished(this.audience, method, (performance.now() - started) / 1000, failure);
    }
  }

  async #unaryWithRetries<Res>(
    method: keyof C & string,
    request: unknown,
    settings: CallSettings,
  ): Promise<Res> {
    const deadline = deadlineFor(settings, this.#settings.defaultDeadlineMs);
    const attempts = settings.idempotent ? this.#settings.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      if (settings.signal?.aborted) throw cancelledByCaller(settings.signal.reason);
      try {
        return await this.#unaryOnce<Res>(method, request, deadline, settings);
      } catch (error) {
        if (settings.signal?.aborted) throw cancelledByCaller(error);
        // It already waited its readyTimeoutMs for a connection: another attempt would wait again.
        if (isRagfleetError(error)) throw error;
        const code = (error as Partial<ServiceError>).code;
        const retry = attempt < attempts && code !== undefined && RETRYABLE_STATUSES.has(code);
        if (!retry || Date.now() >= deadline.getTime()) throw fromGrpcError(error);
        this.#observer?.retried(this.audience, method);
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }

  async *#streamOnce<Res>(
    method: keyof C & string,
    request: unknown,
    settings: CallSettings,
  ): AsyncGenerator<Res> {
    const deadline = deadlineFor(settings, settings.deadlineMs ?? 120_000);
    if (settings.signal?.aborted) throw cancelledByCaller(settings.signal.reason);
    const fn = (this.raw[method] as unknown as StreamMethod).bind(this.raw);
    const started = Date.now();
    const call = fn(request, this.#metadata(), { deadline });
    const connect = this.#watch(call, settings);
    const idleMs = settings.idleTimeoutMs ?? this.#settings.idleTimeoutMs;
    const idle = new IdleTimer(idleMs, () => call.cancel());
    const onAbort = () => call.cancel();
    settings.signal?.addEventListener('abort', onAbort, { once: true });
    const messages = call[Symbol.asyncIterator]();
    let ended = false;
    try {
      for (;;) {
        // Only the wait for the upstream counts: while the caller holds a message, the timer stops.
        idle.start();
        const next = await messages.next();
        idle.stop();
        if ((ended = next.done === true)) return;
        yield next.value as Res;
      }
    } catch (error) {
      if (connect.explains(error)) throw this.#unreachable(started, error);
      if (idle.expired) {
        throw new RagfleetError(
          'UPSTREAM_TIMEOUT',
          `${this.audience} sent nothing for ${idleMs} ms; the call was cancelled.`,
          { retryable: true, details: { upstream: this.audience, idle_timeout_ms: idleMs }, cause: error },
        );
      }
      if (settings.signal?.aborted) throw cancelledByCaller(error);
      throw fromGrpcError(error);
    } finally {
      idle.stop();
      connect.stop();
      settings.signal?.removeEventListener('abort', onAbort);
      // A call that ended with its status has nothing to cancel.
      if (!ended) call.cancel();
    }
  }

  close(): void {
    this.raw.close();
  }

  /**
   * Wait-for-ready: a call made while the upstream restarts (or before the first connection)
   * queues until the channel connects instead of failing at once, and a call refused by a
   * closing server is retried on the next connection. Only calls that were never processed wait,
   * so it is safe for every call; ConnectWatchdog keeps the wait to readyTimeoutMs.
   */
  #metadata(): Metadata {
    const metadata = outgoingMetadata(this.#transport.authorization(this.audience));
    metadata.setOptions({ waitForReady: true });
    return metadata;
  }

  #watch(call: ConstructorParameters<typeof ConnectWatchdog>[2], settings: CallSettings): ConnectWatchdog {
    const limitMs = settings.readyTimeoutMs ?? this.#settings.readyTimeoutMs;
    return new ConnectWatchdog(this.raw.getChannel(), limitMs, call);
  }

  #unreachable(started: number, cause: unknown): RagfleetError {
    return new RagfleetError('SERVICE_UNAVAILABLE', ERROR_CODES.SERVICE_UNAVAILABLE.description, {
      internal: `no connection to ${this.audience} at ${this.address} within ${Date.now() - started} ms`,
      cause,
    });
  }

  #unaryOnce<Res>(method: string, request: unknown, deadline: Date, settings: CallSettings): Promise<Res> {
    const fn = (this.raw[method as keyof C] as unknown as UnaryMethod).bind(this.raw);
    const metadata = this.#metadata();
    const started = Date.now();
    return new Promise<Res>((resolve, reject) => {
      const call = fn(request, metadata, { deadline }, (error, response) => {
        connect.stop();
        settings.signal?.removeEventListener('abort', onAbort);
        if (!error) resolve(response as Res);
        else reject(connect.explains(error) ? this.#unreachable(started, error) : error);
      });
      const connect = this.#watch(call, settings);
      const onAbort = () => call.cancel();
      settings.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
