import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import {
  Server,
  type Metadata,
  type ServerUnaryCall,
  type ServerWritableStream,
  type ServiceDefinition,
  type UntypedServiceImplementation,
  type sendUnaryData,
} from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import { quietBindFailures } from './grpc-log.ts';
import {
  counter,
  histogram,
  runWithRequestContext,
  withServerSpan,
  type Logger,
  type Registry,
} from '@ragfleet/telemetry';
import { RagfleetError, toRagfleetError } from '@ragfleet/errors';
import { ServiceTokenRejected } from './auth/service-tokens.ts';
import { AUTHORIZATION_KEY, DEFAULT_TENANT, readIncomingMetadata, type CallerContext } from './metadata.ts';
import { toGrpcStatus, upstreamFailure } from './status.ts';
import { developmentTransport, type Transport } from './transport.ts';

/** What every handler receives besides its request. */
export interface CallContext {
  requestId: string;
  tenant: string;
  /** Set when the call came through an authenticated gateway. */
  user?: string;
  tier?: string;
  /**
   * The API key the gateway admitted the end caller with, for budgets per key; undefined for a
   * JWT or anonymous caller. Authenticated: from the service token only, like the tenant.
   */
  keyId?: string;
  /** The calling service, as its token names it; undefined in development mode. */
  caller?: string;
  /** Aborted when the caller cancels or its deadline passes. */
  signal: AbortSignal;
  metadata: Metadata;
}

export type UnaryHandler<Req, Res> = (request: Req, context: CallContext) => Promise<Res>;
export type StreamHandler<Req, Res> = (request: Req, context: CallContext) => AsyncIterable<Res>;

/** A service's handlers: unary ones return a promise, server-streaming ones are async generators. */
export type Handlers = Record<string, UnaryHandler<never, unknown> | StreamHandler<never, unknown>>;

export interface GrpcServerOptions {
  /** This service's name: the audience its callers' tokens must name. */
  service: string;
  logger: Logger;
  registry: Registry;
  /**
   * Server credentials and token checks; default: development (plaintext, identity metadata
   * trusted), only fit for a loopback address.
   */
  transport?: Transport;
}

type Identity = Pick<CallContext, 'requestId' | 'tenant' | 'user' | 'tier' | 'keyId' | 'caller'>;

/**
 * A gRPC server with the fleet's conventions built in: callers authenticated by a service token
 * before any handler runs (grpc.health.v1 stays open for probes), request and trace context from
 * the call, one error-to-status mapping, per-method metrics.
 */
export class GrpcServer {
  readonly server = new Server({ 'grpc.max_receive_message_length': 64 * 1024 * 1024 });
  readonly health = new HealthImplementation({ '': 'NOT_SERVING' });
  readonly #options: GrpcServerOptions;
  readonly #serviceNames: string[] = [];
  readonly #transport: Transport;
  readonly #handled;
  readonly #duration;
  readonly #unauthenticated;
  #port = 0;

  constructor(options: GrpcServerOptions) {
    this.#options = options;
    this.#transport = options.transport ?? developmentTransport();
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
    this.#unauthenticated = counter(
      options.registry,
      'ragfleet_grpc_server_unauthenticated_total',
      'Calls refused before any handler ran because their service token was missing or invalid, by method and reason.',
      ['method', 'reason'],
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

  /** Binds host:port (loopback unless told otherwise) and resolves with the bound port. */
  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    quietBindFailures();
    const address = host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
    this.#port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(address, this.#transport.serverCredentials, (error, bound) =>
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

  /** Listens for cancellation at once, so that none is missed while the token is being checked. */
  #signal(call: { on(event: 'cancelled', listener: () => void): unknown }): AbortSignal {
    const controller = new AbortController();
    call.on('cancelled', () => controller.abort(new Error('call cancelled')));
    return controller.signal;
  }

  /**
   * Who the call is for. Authenticated: the token alone says it, whatever x-tenant-id and the
   * other metadata claim. Development mode: the metadata, as the caller set it.
   */
  #identify(metadata: Metadata): Identity {
    const incoming = readIncomingMetadata(metadata);
    const tokens = this.#transport.tokens;
    if (!tokens) {
      return {
        requestId: incoming.requestId ?? randomUUID(),
        tenant: incoming.tenant,
        user: incoming.user,
        tier: incoming.tier,
        keyId: incoming.keyId,
      };
    }
    const header = metadata.get(AUTHORIZATION_KEY)[0];
    if (typeof header !== 'string' || header.length === 0)
      throw new ServiceTokenRejected('missing', 'no service token');
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token) throw new ServiceTokenRejected('malformed', 'authorization is not a bearer token');
    const verified = tokens.verify(token, this.#options.service);
    return {
      requestId: verified.requestId ?? incoming.requestId ?? randomUUID(),
      tenant: verified.tenant ?? DEFAULT_TENANT,
      user: verified.user,
      tier: verified.tier,
      keyId: verified.keyId,
      caller: verified.caller,
    };
  }

  /** The call's context, or the error to answer with instead (already counted and logged). */
  #admit(label: string, metadata: Metadata, signal: AbortSignal, peer: string): CallContext | RagfleetError {
    try {
      return { ...this.#identify(metadata), signal, metadata };
    } catch (error) {
      if (!(error instanceof ServiceTokenRejected)) {
        this.#finish(label, performance.now(), error);
        return toRagfleetError(error);
      }
      this.#unauthenticated.inc({ method: label, reason: error.reason });
      this.#handled.inc({ method: label, code: 'UNAUTHENTICATED' });
      this.#options.logger.debug(
        { method: label, reason: error.reason, peer, err: error.message },
        'call refused',
      );
      return new RagfleetError('UNAUTHENTICATED', 'The call has no valid service token.', {
        details: { reason: error.reason },
      });
    }
  }

  /**
   * Runs a handler in this call's server span (a child of the caller's, so the service is a hop
   * of the caller's trace) and request context.
   */
  #run<T>(label: string, context: CallContext, fn: () => Promise<T>): Promise<T> {
    const trace = readIncomingMetadata(context.metadata).traceContext;
    const [service, method] = label.split('/');
    // The key id rides along so that this service's own calls (generate → router) carry it on.
    const caller: CallerContext = {
      requestId: context.requestId,
      tenant: context.tenant,
      user: context.user,
      tier: context.tier,
      keyId: context.keyId,
    };
    return withServerSpan(label, trace, () => runWithRequestContext(caller, fn), {
      'rpc.system': 'grpc',
      'rpc.service': service ?? label,
      'rpc.method': method ?? label,
    });
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
      const signal = this.#signal(call);
      const respond = async () => {
        const context = this.#admit(label, call.metadata, signal, call.getPeer());
        if (context instanceof RagfleetError) {
          callback(toGrpcStatus(context));
          return;
        }
        try {
          const response = await this.#run(label, context, () => handler(call.request, context));
          this.#finish(label, started);
          callback(null, response);
        } catch (caught) {
          const error = upstreamFailure(caught);
          this.#finish(label, started, error);
          callback(toGrpcStatus(error));
        }
      };
      void respond();
    };
  }

  #wrapStream(label: string, handler: StreamHandler<unknown, unknown>) {
    return (call: ServerWritableStream<unknown, unknown>) => {
      const started = performance.now();
      const signal = this.#signal(call);
      const respond = async () => {
        const context = this.#admit(label, call.metadata, signal, call.getPeer());
        if (context instanceof RagfleetError) {
          // grpc-js turns an 'error' event on a server stream into the call's final status.
          call.emit('error', toGrpcStatus(context));
          return;
        }
        const pump = async () => {
          for await (const message of handler(call.request, context)) {
            if (signal.aborted) return;
            // Respect HTTP/2 flow control: a slow reader pauses the generator instead of growing memory.
            if (!call.write(message)) await once(call, 'drain', { signal });
          }
        };
        try {
          await this.#run(label, context, pump);
          this.#finish(label, started);
          call.end();
        } catch (caught) {
          if (signal.aborted) {
            this.#finish(label, started, new RagfleetError('CANCELLED', 'cancelled by caller'));
            return;
          }
          const error = upstreamFailure(caught);
          this.#finish(label, started, error);
          call.emit('error', toGrpcStatus(error));
        }
      };
      void respond();
    };
  }
}
