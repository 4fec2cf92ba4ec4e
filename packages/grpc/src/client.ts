import {
  credentials,
  status,
  type CallOptions,
  type Client,
  type ClientReadableStream,
  type ClientUnaryCall,
  type Metadata,
  type ServiceError,
} from '@grpc/grpc-js';
import { RagfleetError } from '@ragfleet/errors';
import { currentRequestContext } from '@ragfleet/telemetry';
import { outgoingMetadata } from './metadata.ts';
import { fromGrpcError } from './status.ts';

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
}

export interface ClientSettings {
  defaultDeadlineMs?: number;
  retries?: number;
}

const RETRYABLE_STATUSES = new Set([status.UNAVAILABLE]);

function deadlineFor(settings: CallSettings, fallbackMs: number): Date {
  const own = Date.now() + (settings.deadlineMs ?? fallbackMs);
  const inherited = currentRequestContext()?.deadline;
  return new Date(inherited ? Math.min(own, inherited) : own);
}

/**
 * A promise/async-iterator face over a generated grpc-js client with the fleet's rules:
 * deadlines on every call, identity and trace context in metadata, errors as RagfleetError.
 */
export class GrpcClient<C extends Client> {
  readonly raw: C;
  readonly #settings: Required<ClientSettings>;

  constructor(
    ClientClass: new (
      address: string,
      creds: ReturnType<typeof credentials.createInsecure>,
      options?: object,
    ) => C,
    address: string,
    settings: ClientSettings = {},
  ) {
    this.raw = new ClientClass(address, credentials.createInsecure(), {
      'grpc.keepalive_time_ms': 30_000,
      'grpc.max_receive_message_length': 64 * 1024 * 1024,
    });
    this.#settings = { defaultDeadlineMs: 10_000, retries: 2, ...settings };
  }

  async unary<Res>(method: keyof C & string, request: unknown, settings: CallSettings = {}): Promise<Res> {
    const attempts = settings.idempotent ? this.#settings.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#unaryOnce<Res>(method, request, settings);
      } catch (error) {
        const code = (error as Partial<ServiceError>).code;
        const retry = attempt < attempts && code !== undefined && RETRYABLE_STATUSES.has(code);
        if (!retry || settings.signal?.aborted) throw fromGrpcError(error);
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }

  /** A server stream as an async iterable; breaking out of the loop or aborting cancels the call. */
  async *stream<Res>(
    method: keyof C & string,
    request: unknown,
    settings: CallSettings = {},
  ): AsyncGenerator<Res> {
    const fn = (this.raw[method] as unknown as StreamMethod).bind(this.raw);
    const call = fn(request, outgoingMetadata(), {
      deadline: deadlineFor(settings, settings.deadlineMs ?? 120_000),
    });
    const onAbort = () => call.cancel();
    settings.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for await (const message of call) yield message as Res;
    } catch (error) {
      if (settings.signal?.aborted)
        throw new RagfleetError('CANCELLED', 'cancelled by caller', { cause: error });
      throw fromGrpcError(error);
    } finally {
      settings.signal?.removeEventListener('abort', onAbort);
      call.cancel();
    }
  }

  close(): void {
    this.raw.close();
  }

  #unaryOnce<Res>(method: string, request: unknown, settings: CallSettings): Promise<Res> {
    const fn = (this.raw[method as keyof C] as unknown as UnaryMethod).bind(this.raw);
    return new Promise<Res>((resolve, reject) => {
      const call = fn(
        request,
        outgoingMetadata(),
        { deadline: deadlineFor(settings, this.#settings.defaultDeadlineMs) },
        (error, response) => (error ? reject(error) : resolve(response as Res)),
      );
      settings.signal?.addEventListener('abort', () => call.cancel(), { once: true });
    });
  }
}
