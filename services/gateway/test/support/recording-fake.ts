import { GrpcServer, type CallContext } from '@ragfleet/grpc';
import { createLogger, createMetricsRegistry } from '@ragfleet/telemetry';

/** One call a fake service received, with the identity the gateway signed into it. */
export interface SeenCall {
  method: string;
  tenant: string;
  user: string | undefined;
  request: unknown;
}

/**
 * A fake upstream as one real gRPC server that records every call, so the gateway's routes are
 * tested through the production clients, metadata and status mapping. Subclasses add the
 * services and call `see` in each handler.
 */
export abstract class RecordingFake {
  readonly calls: SeenCall[] = [];
  readonly server: GrpcServer;

  constructor(name: string) {
    this.server = new GrpcServer({
      service: name,
      logger: createLogger(name, 'silent'),
      registry: createMetricsRegistry(name),
    });
  }

  async start(): Promise<string> {
    const port = await this.server.listen(0, '127.0.0.1');
    this.server.setServing(true);
    return `127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return this.server.close(100);
  }

  /** Calls of a method, in order, with the identity each carried. */
  seen(method: string): SeenCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  protected see(method: string, request: unknown, context: CallContext): void {
    this.calls.push({ method, tenant: context.tenant, user: context.user, request });
  }
}
