import type { AddressInfo } from 'node:net';
import { ConfigError, redactConfig } from '@ragfleet/config';
import { Lifecycle } from '@ragfleet/lifecycle';
import { createLogger, createMetricsRegistry, startOpsServer, startTracing } from '@ragfleet/telemetry';
import { KeyFileError } from './auth/key-file.ts';
import { compose } from './compose.ts';
import { loadGatewayConfig, type GatewayConfig } from './config.ts';

function exitOnConfigError(error: unknown): never {
  if (!(error instanceof ConfigError) && !(error instanceof KeyFileError)) throw error;
  console.error(error.message);
  process.exit(78); // EX_CONFIG: a deploy should not restart-loop on a bad config
}

let config: GatewayConfig;
try {
  config = loadGatewayConfig();
} catch (error) {
  exitOnConfigError(error);
}
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

const server = await compose({ logger, registry, lifecycle }, config).catch(exitOnConfigError);
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(config.GATEWAY_PORT, config.GATEWAY_HOST, () => resolve());
});
const ops = await startOpsServer({
  port: config.METRICS_PORT,
  host: config.GATEWAY_HOST,
  registry,
  isReady: () => lifecycle.ready,
});
lifecycle.onShutdown('ops server', () => ops.close());

lifecycle.markReady();
const { address, port } = server.address() as AddressInfo;
logger.info(
  { host: address, port, opsPort: ops.port, config: redactConfig(config) },
  `gateway listening on http://${address.includes(':') ? `[${address}]` : address}:${port}`,
);
