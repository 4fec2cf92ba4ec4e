import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, redactConfig } from '@ragfleet/config';
import { GenerateClient, IndexVersionClient, RetrieveClient } from '@ragfleet/grpc';
import { Lifecycle } from '@ragfleet/lifecycle';
import { createLogger, createMetricsRegistry, startTracing } from '@ragfleet/telemetry';
import { createApp } from './app.ts';
import { createAuthenticator } from './auth/create-authenticator.ts';
import { KeyFileError } from './auth/key-file.ts';
import { loadGatewayConfig, type GatewayConfig } from './config.ts';
import { PromptGuard } from './guard/prompt-guard.ts';
import { answerMalformedRequests } from './http/errors.ts';
import { InFlight } from './http/in-flight.ts';
import { API_VERSION, API_VERSION_HEADER } from './openapi/api-version.ts';
import { createRequestLimiter } from './rate-limit/create-limiter.ts';
import { connectRedis } from './rate-limit/redis-connection.ts';
import { limitSettings } from './rate-limit/settings.ts';
import { upstreamReadiness } from './readiness.ts';
import { wsLimits } from './ws/config-fields.ts';
import { attachWebSocket } from './ws/ws-gateway.ts';
import { websocketSeams } from './auth/websocket-seams.ts';

function configOrExit(): GatewayConfig {
  try {
    return loadGatewayConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG: a deploy should not restart-loop on a bad config
  }
}

const config = configOrExit();
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

const retrieve = new RetrieveClient(config.RETRIEVE_ADDR);
lifecycle.onShutdown('retrieve client', () => retrieve.close());
const indexVersions = new IndexVersionClient(config.RETRIEVE_ADDR);
lifecycle.onShutdown('index version client', () => indexVersions.close());
const generate = new GenerateClient(config.GENERATE_ADDR);
lifecycle.onShutdown('generate client', () => generate.close());

const redis = config.REDIS_URL ? connectRedis(config.REDIS_URL, logger) : undefined;
if (redis)
  lifecycle.onShutdown('redis', () =>
    redis.quit().then(
      () => undefined,
      () => redis.disconnect(),
    ),
  );
const auth = await createAuthenticator(config, { redis, logger }).catch((error: unknown) => {
  if (!(error instanceof KeyFileError)) throw error;
  console.error(error.message);
  process.exit(78);
});
const limiter = createRequestLimiter({ redis, settings: limitSettings(config), logger, registry });

const promptGuard = new PromptGuard({ mode: config.GATEWAY_INJECTION_GUARD, logger, registry });
const inFlight = new InFlight();
const app = createApp({
  retrieve,
  indexVersions,
  generate,
  logger,
  registry,
  inFlight,
  auth,
  limiter,
  promptGuard,
  bodyLimit: config.GATEWAY_BODY_LIMIT,
  maxWaitMs: config.GATEWAY_MAX_WAIT_MS,
  readiness: upstreamReadiness(
    { retrieve: retrieve.grpc.raw, generate: generate.grpc.raw },
    () => lifecycle.ready,
  ),
});

const server = createServer(app);
// While draining, answer every request with `Connection: close`: server.close() only drops
// connections idle at that instant, and a keep-alive client would otherwise go on being served
// on its old connection until the drain ends.
server.prependListener('request', (_request, response) => {
  if (lifecycle.stopping) response.setHeader('connection', 'close');
});
answerMalformedRequests(server, [`${API_VERSION_HEADER}: ${API_VERSION}`]);
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(config.GATEWAY_PORT, config.GATEWAY_HOST, () => resolve());
});
// Last resort after the drain: whatever is still open is cut.
lifecycle.onShutdown('http server', () => server.closeAllConnections());
// Readiness is already off when this runs: stop accepting, then let running requests and streams finish.
lifecycle.onDrain(async () => {
  server.close();
  await inFlight.idle();
});
// WebSocket asks drain like HTTP streams; what still runs after the drain gets a final error event
// and a 1001 close (this hook is registered after the http server's, so it runs before it).
const websockets = attachWebSocket(server, {
  generate,
  logger,
  registry,
  promptGuard,
  limits: wsLimits(config),
  ...websocketSeams(auth, limiter),
});
lifecycle.onDrain(() => websockets.drain());
lifecycle.onShutdown('websockets', () => websockets.close());

lifecycle.markReady();
const { port } = server.address() as AddressInfo;
const host = config.GATEWAY_HOST === '0.0.0.0' ? '127.0.0.1' : config.GATEWAY_HOST;
logger.info({ port, config: redactConfig(config) }, `gateway listening on http://${host}:${port}`);
