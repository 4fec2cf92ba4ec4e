import {
  bindNaming,
  ConfigError,
  checkDevelopmentHost,
  formatHostPort,
  PortInUseError,
  readServiceCredentials,
  redactConfig,
  type ServiceFieldsConfig,
} from '@ragfleet/config';
import { GrpcServer, Transport } from '@ragfleet/grpc';
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
  /** For the clients the service builds: its credentials and the tokens it signs as itself. */
  transport: Transport;
}

export interface HostOptions<C extends ServiceFieldsConfig> {
  /** Short service name: embed, retrieve, router, generate. */
  name: string;
  /** Parses the environment; throwing ConfigError stops the process with a clear message. */
  config: () => C;
  grpcPort: (config: C) => number;
  opsPort: (config: C) => number;
  /** Overrides GRPC_HOST (and the ops host, unless METRICS_HOST is set). */
  host?: string;
  /** Builds adapters and domain objects, adds gRPC services, registers shutdown hooks. */
  compose: (kit: ServiceKit, config: C) => Promise<void>;
  /** Tests set this so that a failed start rejects instead of exiting. */
  exitOnSignal?: boolean;
}

export interface HostedService {
  grpcPort: number;
  opsPort: number;
  /** host:port as bound. */
  grpcAddress: string;
  opsAddress: string;
  lifecycle: Lifecycle;
  logger: Logger;
  transport: Transport;
}

interface Prepared<C> {
  config: C;
  transport: Transport;
  grpcHost: string;
  opsHost: string;
}

/**
 * Config parsed once, key and certificate files read, and the bind address checked against the
 * mode, before anything starts. Any problem stops the process with exit 78 (EX_CONFIG): a deploy
 * should not restart-loop on a bad config.
 */
function prepare<C extends ServiceFieldsConfig>(options: HostOptions<C>): Prepared<C> {
  try {
    const config = options.config();
    const credentials = readServiceCredentials(options.name, config);
    const grpcHost = options.host ?? config.GRPC_HOST;
    const opsHost = config.METRICS_HOST ?? grpcHost;
    if (credentials.keys.length === 0) {
      checkDevelopmentHost(options.name, options.host ? 'host' : 'GRPC_HOST', grpcHost);
    }
    const transport = Transport.create({
      service: options.name,
      keys: credentials.keys,
      tokenTtlSeconds: credentials.tokenTtlSeconds,
      tls: credentials.tls,
    });
    return { config, transport, grpcHost, opsHost };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
}

/**
 * A port another process holds stops the service with one line naming the port and the variable
 * that moves it (exit 78, like a bad config), not a stack trace; tests get the error instead.
 */
async function bindOrExit<T>(
  options: Pick<HostOptions<ServiceFieldsConfig>, 'name' | 'exitOnSignal'>,
  where: { host: string; port: number; variable: string },
  bind: () => Promise<T>,
): Promise<T> {
  try {
    return await bindNaming({ service: options.name, ...where }, bind);
  } catch (error) {
    if (!(error instanceof PortInUseError) || options.exitOnSignal === false) throw error;
    console.error(error.message);
    process.exit(78);
  }
}

/**
 * Runs one gRPC service the fleet's way: config parsed once (fail fast), callers authenticated
 * by service token (and mutual TLS when configured), tracing, JSON logs, metrics and probes,
 * grpc.health.v1, and a graceful shutdown that turns not-ready first, drains, then closes
 * resources in reverse order of creation.
 */
export async function hostService<C extends ServiceFieldsConfig>(
  options: HostOptions<C>,
): Promise<HostedService> {
  const { config, transport, grpcHost, opsHost } = prepare(options);
  const stopTracing = await startTracing(`ragfleet-${options.name}`);
  const logger = createLogger(options.name, config.LOG_LEVEL);
  if (!transport.authenticated) {
    logger.warn(
      { grpcHost },
      'development mode: no service key (SERVICE_AUTH_KEY_FILE or SERVICE_AUTH_KEY), so any caller ' +
        'that reaches this port is believed about its tenant and user; listening on loopback only',
    );
  }
  const registry = createMetricsRegistry(options.name);
  const lifecycle = new Lifecycle({ logger });
  lifecycle.onShutdown('tracing', stopTracing);
  if (options.exitOnSignal !== false) lifecycle.handleSignals();

  const server = new GrpcServer({ service: options.name, logger, registry, transport });
  await options.compose({ logger, registry, lifecycle, server, transport }, config);

  const grpcPort = await bindOrExit(
    options,
    { host: grpcHost, port: options.grpcPort(config), variable: 'GRPC_PORT' },
    () => server.listen(options.grpcPort(config), grpcHost),
  );
  lifecycle.onShutdown('grpc server', () => server.close());
  const ops = await bindOrExit(
    options,
    { host: opsHost, port: options.opsPort(config), variable: 'METRICS_PORT' },
    () =>
      startOpsServer({
        port: options.opsPort(config),
        host: opsHost,
        registry,
        isReady: () => lifecycle.ready,
      }),
  );
  lifecycle.onShutdown('ops server', () => ops.close());
  // The first shutdown step: Kubernetes and gRPC health checks see NOT_SERVING before anything closes.
  lifecycle.onDrain(async () => server.setServing(false));

  server.setServing(true);
  lifecycle.markReady();
  const grpcAddress = formatHostPort(grpcHost, grpcPort);
  const opsAddress = formatHostPort(ops.host, ops.port);
  logger.info(
    {
      grpc: grpcAddress,
      ops: opsAddress,
      auth: transport.authenticated ? 'service-token' : 'development',
      tls: transport.tls,
      config: redactConfig(config),
    },
    `${options.name} ready: gRPC on ${grpcAddress}, ops on http://${opsAddress}`,
  );
  return { grpcPort, opsPort: ops.port, grpcAddress, opsAddress, lifecycle, logger, transport };
}
