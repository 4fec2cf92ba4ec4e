import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import {
  Server,
  ServerCredentials,
  type Metadata,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceDefinition,
  type UntypedServiceImplementation,
  type sendUnaryData,
} from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import {
  counter,
  histogram,
  runInContext,
  runWithRequestContext,
  type Logger,
  type Registry,
} from '@ragfleet/telemetry';
import { RagfleetError, toRagfleetError } from '@ragfleet/errors';
import { readIncomingMetadata } from './metadata.ts';
import { toGrpcStatus } from './status.ts';

/** What every handler receives besides its request. */
export interface CallContext {
  requestId: string;
  tenant: string;
  /** Set when the call came through an authenticated gateway. */
  user?: string;
  tier?: string;
  /** Aborted when the caller cancels or its deadline passes. */
  signal: AbortSignal;
  metadata: Metadata;
}

export type UnaryHandler<Req, Res> = (request: Req, context: CallContext) => Promise<Res>;
export type StreamHandler<Req, Res> = (request: Req, context: CallContext) => AsyncIterable<Res>;

/** A service's handlers: unary ones return a promise, server-streaming ones are async generators. */
export type Handlers = Record<string, UnaryHandler<never, unknown> | StreamHandler<never, unknown>>;

export interface GrpcServerOptions {
  service: string;
  logger: Logger;
  registry: Registry;
}

/**
 * A gRPC server with the fleet's conventions built in: request context and trace context from
 * metadata, one error-to-status mapping, per-method metrics, and grpc.health.v1.
 */
export class GrpcServer {
  readonly server = new Server({ 'grpc.max_receive_message_length': 64 * 1024 * 1024 });
  readonly health = new HealthImplementation({ '': 'NOT_SERVING' });
  readonly #options: GrpcServerOptions;
  readonly #serviceNames: string[] = [];
  readonly #handled;
  readonly #duration;
  #port = 0;

  constructor(options: GrpcServerOptions) {
    this.#options = options;
    this.health.addToServer(this.server);
    this.#handled = counter(
      options.registry,
      'ragfleet_grpc_server_handled_total',
      'gRPC calls completed, by method and result code.',
      ['method', 'code'],
    );
    this.#duration = histogram(
      options.registry,
      'ragfleet_grpc_server_handling_seconds',
      'Time from a call arriving to its last response.',
      ['method'],
    );
  }

  get port(): number {
    return this.#port;
  }

  /** Registers a service; every method in the definition must have a handler. */
  addService(name: string, definition: ServiceDefinition, handlers: Handlers): this {
    const implementation: UntypedServiceImplementation = {};
    for (const [method, spec] of Object.entries(definition)) {
      const handler = handlers[method];
      if (!handler) throw new Error(`${name}: no handler for ${method}`);
      const label = `${name}/${method}`;
      implementation[method] = spec.responseStream
        ? this.#wrapStream(label, handler as StreamHandler<unknown, unknown>)
        : this.#wrapUnary(label, handler as UnaryHandler<unknown, unknown>);
    }
    this.server.addService(definition, implementation);
    this.#serviceNames.push(name);
    return this;
  }

  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    this.#port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    return this.#port;
  }

  setServing(serving: boolean): void {
    const status = serving ? 'SERVING' : 'NOT_SERVING';
    this.health.setStatus('', status);
    for (const name of this.#serviceNames) this.health.setStatus(name, status);
  }

  /** Stops taking calls and waits for running ones, cancelling what remains after graceMs. */
  async close(graceMs = 5_000): Promise<void> {
    this.setServing(false);
    const timer = setTimeout(() => this.server.forceShutdown(), graceMs);
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
    clearTimeout(timer);
  }

  #context(metadata: Metadata, call: { on(event: 'cancelled', listener: () => void): unknown }): CallContext {
    const incoming = readIncomingMetadata(metadata);
    const controller = new AbortController();
    call.on('cancelled', () => controller.abort(new Error('call cancelled')));
    return {
      requestId: incoming.requestId ?? randomUUID(),
      tenant: incoming.tenant,
      user: incoming.user,
      tier: incoming.tier,
      signal: controller.signal,
      metadata,
    };
  }

  #run<T>(context: CallContext, fn: () => T): T {
    const trace = readIncomingMetadata(context.metadata).traceContext;
    return runInContext(trace, () =>
      runWithRequestContext(
        { requestId: context.requestId, tenant: context.tenant, user: context.user, tier: context.tier },
        fn,
      ),
    );
  }

  #finish(label: string, started: number, error?: unknown): void {
    const code = error === undefined ? 'OK' : toRagfleetError(error).code;
    this.#handled.inc({ method: label, code });
    this.#duration.observe({ method: label }, (performance.now() - started) / 1000);
    if (error !== undefined) {
      const ragfleet = toRagfleetError(error);
      const level = ragfleet.code === 'INTERNAL' ? 'error' : 'info';
      this.#options.logger[level](
        { method: label, code, err: ragfleet.internal ?? ragfleet.message },
        'call failed',
      );
    }
  }

  #wrapUnary(label: string, handler: UnaryHandler<unknown, unknown>) {
    return (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
      const started = performance.now();
      const context = this.#context(call.metadata, call);
      this.#run(context, () => handler(call.request, context)).then(
        (response) => {
          this.#finish(label, started);
          callback(null, response);
        },
        (error: unknown) => {
          this.#finish(label, started, error);
          callback(toGrpcStatus(error));
        },
      );
    };
  }

  #wrapStream(label: string, handler: StreamHandler<unknown, unknown>) {
    return (call: ServerWritableStream<unknown, unknown>) => {
      const started = performance.now();
      const context = this.#context(call.metadata, call);
      const pump = async () => {
        for await (const message of handler(call.request, context)) {
          if (context.signal.aborted) return;
          // Respect HTTP/2 flow control: a slow reader pauses the generator instead of growing memory.
          if (!call.write(message)) await once(call, 'drain', { signal: context.signal });
        }
      };
      this.#run(context, pump).then(
        () => {
          this.#finish(label, started);
          call.end();
        },
        (error: unknown) => {
          if (context.signal.aborted) {
            this.#finish(label, started, new RagfleetError('CANCELLED', 'cancelled by caller'));
            return;
          }
          this.#finish(label, started, error);
          // grpc-js turns an 'error' event on a server stream into the call's final status.
          call.emit('error', toGrpcStatus(error));
        },
      );
    };
  }
}
