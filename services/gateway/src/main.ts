import type { AddressInfo } from 'node:net';
import {
  bindNaming,
  ConfigError,
  PortInUseError,
  readServiceCredentials,
  redactConfig,
  type ServiceCredentials,
} from '@ragfleet/config';
import { Transport } from '@ragfleet/grpc';
import { Lifecycle } from '@ragfleet/lifecycle';
import { createLogger, createMetricsRegistry, startOpsServer, startTracing } from '@ragfleet/telemetry';
import { KeyFileError } from './auth/key-file.ts';
import { compose } from './compose.ts';
import { loadGatewayConfig, type GatewayConfig } from './config.ts';

function exitOnConfigError(error: unknown): never {
  const explained =
    error instanceof ConfigError || error instanceof KeyFileError || error instanceof PortInUseError;
  if (!explained) throw error;
  console.error(error.message);
  process.exit(78); // EX_CONFIG: a deploy should not restart-loop on a bad config
}

let config: GatewayConfig;
let credentials: ServiceCredentials;
try {
  config = loadGatewayConfig();
  // The service key and TLS files, read once; a bad mount stops the gateway (exit 78).
  credentials = readServiceCredentials('gateway', config);
} catch (error) {
  exitOnConfigError(error);
}
const transport = Transport.create({ service: 'gateway', ...credentials });
const stopTracing = await startTracing('ragfleet-gateway');
const logger = createLogger('gateway', config.LOG_LEVEL);
const registry = createMetricsRegistry('gateway');
const lifecycle = new Lifecycle({
  logger,
  drainMs: config.GATEWAY_DRAIN_MS,
  timeoutMs: config.GATEWAY_DRAIN_MS + 10_000,
});
lifecycle.onShutdown('tracing', stopTracing);
lifecycle.handleSignals();

if (!transport.authenticated)
  logger.warn(
    'no service key (SERVICE_AUTH_KEY_FILE or SERVICE_AUTH_KEY): upstream calls carry no service token, and authenticated services refuse them',
  );
const server = await compose({ logger, registry, lifecycle, transport }, config).catch(exitOnConfigError);
const listenTarget = (port: number, variable: string) => ({
  service: 'gateway',
  host: config.GATEWAY_HOST,
  port,
  variable,
});
await bindNaming(
  listenTarget(config.GATEWAY_PORT, 'GATEWAY_PORT'),
  () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.GATEWAY_PORT, config.GATEWAY_HOST, () => resolve());
    }),
).catch(exitOnConfigError);
const ops = await bindNaming(listenTarget(config.METRICS_PORT, 'METRICS_PORT'), () =>
  startOpsServer({
    port: config.METRICS_PORT,
    host: config.GATEWAY_HOST,
    registry,
    isReady: () => lifecycle.ready,
  }),
).catch(exitOnConfigError);
lifecycle.onShutdown('ops server', () => ops.close());

lifecycle.markReady();
const { address, port } = server.address() as AddressInfo;
logger.info(
  { host: address, port, opsPort: ops.port, config: redactConfig(config) },
  `gateway listening on http://${address.includes(':') ? `[${address}]` : address}:${port}`,
);
