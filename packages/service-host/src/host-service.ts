import { ConfigError, redactConfig } from '@ragfleet/config';
import { GrpcServer } from '@ragfleet/grpc';
import { Lifecycle } from '@ragfleet/lifecycle';
import {
  createLogger,
  createMetricsRegistry,
  startOpsServer,
  startTracing,
  type Logger,
  type Registry,
} from '@ragfleet/telemetry';

/** What a service's composition root gets to build its adapters and register its handlers. */
export interface ServiceKit {
  logger: Logger;
  registry: Registry;
  lifecycle: Lifecycle;
  server: GrpcServer;
}

export interface HostOptions<C extends Record<string, unknown>> {
  /** Short service name: embed, retrieve, router, generate. */
  name: string;
  /** Parses the environment; throwing ConfigError stops the process with a clear message. */
  config: () => C;
  grpcPort: (config: C) => number;
  opsPort: (config: C) => number;
  host?: string;
  /** Builds adapters and domain objects, adds gRPC services, registers shutdown hooks. */
  compose: (kit: ServiceKit, config: C) => Promise<void>;
  /** Tests set this so that a failed start rejects instead of exiting. */
  exitOnSignal?: boolean;
}

export interface HostedService {
  grpcPort: number;
  opsPort: number;
  lifecycle: Lifecycle;
  logger: Logger;
}

/**
 * Runs one gRPC service the fleet's way: config parsed once (fail fast), tracing, JSON logs,
 * metrics and probes, grpc.health.v1, and a graceful shutdown that turns not-ready first,
 * drains, then closes resources in reverse order of creation.
 */
export async function hostService<C extends Record<string, unknown>>(
  options: HostOptions<C>,
): Promise<HostedService> {
  let config: C;
  try {
    config = options.config();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG: a deploy should not restart-loop on a bad config
    }
    throw error;
  }
  const stopTracing = await startTracing(`ragfleet-${options.name}`);
  const logger = createLogger(
    options.name,
    typeof config.LOG_LEVEL === 'string' ? config.LOG_LEVEL : undefined,
  );
  const registry = createMetricsRegistry(options.name);
  const lifecycle = new Lifecycle({ logger });
  lifecycle.onShutdown('tracing', stopTracing);
  if (options.exitOnSignal !== false) lifecycle.handleSignals();

  const server = new GrpcServer({ service: options.name, logger, registry });
  await options.compose({ logger, registry, lifecycle, server }, config);

  const grpcPort = await server.listen(options.grpcPort(config), options.host);
  lifecycle.onShutdown('grpc server', () => server.close());
  const ops = await startOpsServer({
    port: options.opsPort(config),
    host: options.host,
    registry,
    isReady: () => lifecycle.ready,
  });
  lifecycle.onShutdown('ops server', () => ops.close());
  // The first shutdown step: Kubernetes and gRPC health checks see NOT_SERVING before anything closes.
  lifecycle.onDrain(async () => server.setServing(false));

  server.setServing(true);
  lifecycle.markReady();
  logger.info({ grpcPort, opsPort: ops.port, config: redactConfig(config) }, `${options.name} ready`);
  return { grpcPort, opsPort: ops.port, lifecycle, logger };
}
