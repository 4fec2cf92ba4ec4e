import { createServer, type Server } from 'node:http';
import {
  ExperimentClient,
  FeedbackClient,
  GenerateClient,
  IndexVersionClient,
  PromptClient,
  RecommendClient,
  RetrieveClient,
  RolloutClient,
  RouterClient,
  SessionClient,
  SubjectClient,
  WeightsClient,
  type Transport,
} from '@ragfleet/grpc';
import type { Lifecycle } from '@ragfleet/lifecycle';
import type { Logger, Registry } from '@ragfleet/telemetry';
import { Admission } from './admission/admission.ts';
import { createApp } from './app.ts';
import { createAuthenticator } from './auth/create-authenticator.ts';
import { applyKeyFileBudgets, keyFileBudgets } from './auth/key-file-budgets.ts';
import type { GatewayConfig } from './config.ts';
import { PromptGuard } from './guard/prompt-guard.ts';
import { answerMetrics } from './http/answer-metrics.ts';
import { answerMalformedRequests } from './http/errors.ts';
import { InFlight } from './http/in-flight.ts';
import { createPopularQuestions } from './popular/create-popular-questions.ts';
import { API_VERSION, API_VERSION_HEADER } from './openapi/api-version.ts';
import { createRequestLimiter } from './rate-limit/create-limiter.ts';
import { connectRedis } from './rate-limit/redis-connection.ts';
import { limitSettings } from './rate-limit/settings.ts';
import { upstreamReadiness } from './readiness.ts';
import { wsLimits } from './ws/config-fields.ts';
import { RedisTicketStore } from './ws/tickets/redis-ticket-store.ts';
import { MemoryTicketStore } from './ws/tickets/ticket-store.ts';
import { WsTickets } from './ws/tickets/ws-tickets.ts';
import { attachWebSocket } from './ws/ws-gateway.ts';

/** What main.ts hands the composition root, as hostService does for the gRPC services. */
export interface GatewayKit {
  /** Credentials and the service tokens every upstream call carries. */
  transport: Transport;
  logger: Logger;
  registry: Registry;
  lifecycle: Lifecycle;
}

/**
 * The gateway's composition root: upstream clients, Redis, identity and limits, the HTTP app and
 * its WebSocket endpoint, each shutdown hook registered right after its resource. Answers the
 * HTTP server, not yet listening.
 */
export async function compose(kit: GatewayKit, config: GatewayConfig): Promise<Server> {
  const { logger, registry, lifecycle, transport } = kit;
  const retrieve = new RetrieveClient(config.RETRIEVE_ADDR, { transport, registry });
  lifecycle.onShutdown('retrieve client', () => retrieve.close());
  const indexVersions = new IndexVersionClient(config.RETRIEVE_ADDR, { transport, registry });
  lifecycle.onShutdown('index version client', () => indexVersions.close());
  const generate = new GenerateClient(config.GENERATE_ADDR, { transport, registry });
  lifecycle.onShutdown('generate client', () => generate.close());
  // Generate's change management shares its port: one client per gRPC service.
  const prompts = new PromptClient(config.GENERATE_ADDR, { transport, registry });
  lifecycle.onShutdown('prompt client', () => prompts.close());
  const experiments = new ExperimentClient(config.GENERATE_ADDR, { transport, registry });
  lifecycle.onShutdown('experiment client', () => experiments.close());
  const rollouts = new RolloutClient(config.GENERATE_ADDR, { transport, registry });
  lifecycle.onShutdown('rollout client', () => rollouts.close());
  const sessions = new SessionClient(config.SESSION_ADDR, { transport, registry });
  lifecycle.onShutdown('session client', () => sessions.close());
  const router = new RouterClient(config.ROUTER_ADDR, { transport, registry });
  lifecycle.onShutdown('router client', () => router.close());
  const recommend = new RecommendClient(config.RECOMMEND_ADDR, { transport, registry });
  lifecycle.onShutdown('recommend client', () => recommend.close());
  // The feedback service's three gRPC services share its one port: one client each.
  const subjects = new SubjectClient(config.FEEDBACK_ADDR, { transport, registry });
  lifecycle.onShutdown('subject client', () => subjects.close());
  const feedback = new FeedbackClient(config.FEEDBACK_ADDR, { transport, registry });
  lifecycle.onShutdown('feedback client', () => feedback.close());
  const weights = new WeightsClient(config.FEEDBACK_ADDR, { transport, registry });
  lifecycle.onShutdown('weights client', () => weights.close());
  const recommendations = { recommend, subjects, feedback, weights };

  const redis = config.REDIS_URL ? connectRedis(config.REDIS_URL, logger) : undefined;
  if (redis)
    lifecycle.onShutdown('redis', () =>
      redis.quit().then(
        () => undefined,
        () => redis.disconnect(),
      ),
    );
  const auth = await createAuthenticator(config, { redis, logger, lifecycle });
  // The key file's `budget:` entries, set in the router in the background (it may start later).
  const keyBudgets = keyFileBudgets(auth.keys?.fileKeys ?? []);
  if (keyBudgets.length > 0) {
    const stopBudgets = new AbortController();
    lifecycle.onShutdown('key file budgets', () => stopBudgets.abort());
    void applyKeyFileBudgets(keyBudgets, { router, logger, signal: stopBudgets.signal });
  }
  const limiter = createRequestLimiter({ redis, settings: limitSettings(config), logger, registry });
  lifecycle.onShutdown('rate limiter', () => limiter.close());
  const admission = new Admission({ auth, limiter });
  // A ticket issued by one replica may open a socket on another: with Redis they are shared.
  const wsTickets = new WsTickets({
    store: redis ? new RedisTicketStore(redis, config.GATEWAY_WS_TICKET_PREFIX) : new MemoryTicketStore(),
    auth,
    ttlMs: config.GATEWAY_WS_TICKET_TTL_MS,
  });

  // In Redis when the gateway has it, so every replica's questions make one list.
  const popularQuestions = createPopularQuestions(config, { redis, logger });
  const promptGuard = new PromptGuard({ mode: config.GATEWAY_INJECTION_GUARD, logger, registry });
  const inFlight = new InFlight();
  const app = createApp({
    retrieve,
    indexVersions,
    generate,
    sessions,
    usage: router,
    budgets: router,
    recommendations,
    changes: { prompts, experiments, rollouts },
    logger,
    registry,
    inFlight,
    admission,
    promptGuard,
    wsTickets,
    popularQuestions,
    bodyLimit: config.GATEWAY_BODY_LIMIT,
    maxWaitMs: config.GATEWAY_MAX_WAIT_MS,
    streamIdleMs: config.GATEWAY_STREAM_IDLE_MS,
    // Session, recommend and feedback are reported, not required: without one only its routes
    // are down (they answer 503, retryable), while /v1/search and /v1/rag still answer; an
    // unready gateway would lose those too.
    readiness: upstreamReadiness(
      { retrieve: retrieve.grpc.raw, generate: generate.grpc.raw },
      () => lifecycle.ready,
      1_000,
      { session: sessions.grpc.raw, recommend: recommend.grpc.raw, feedback: feedback.grpc.raw },
    ),
  });

  const server = createServer(
    // A client trickling a request (slowloris, a body that never ends) is cut, not waited for.
    {
      requestTimeout: config.GATEWAY_REQUEST_TIMEOUT_MS,
      headersTimeout: config.GATEWAY_HEADERS_TIMEOUT_MS,
      // Node looks for expired requests this often (30 s by default, longer than the timeouts).
      connectionsCheckingInterval: Math.min(1_000, config.GATEWAY_HEADERS_TIMEOUT_MS),
    },
    app,
  );
  // While draining, answer every request with `Connection: close`: server.close() only drops
  // connections idle at that instant, and a keep-alive client would otherwise go on being served
  // on its old connection until the drain ends.
  server.prependListener('request', (_request, response) => {
    if (lifecycle.stopping) response.setHeader('connection', 'close');
  });
  answerMalformedRequests(server, [`${API_VERSION_HEADER}: ${API_VERSION}`], answerMetrics(registry).errors);
  // Last resort after the drain: whatever is still open is cut.
  lifecycle.onShutdown('http server', () => server.closeAllConnections());
  // Readiness is already off when this runs: stop accepting, then let running requests and streams finish.
  lifecycle.onDrain(async () => {
    server.close();
    await inFlight.idle();
  });
  // WebSocket asks drain like HTTP streams; what still runs after the drain gets a final error event
  // and a 1001 close (this hook is registered after the http server's, so it runs before it).
  const keys = auth.keys;
  const websockets = attachWebSocket(server, {
    generate,
    sessions,
    recommend,
    logger,
    registry,
    promptGuard,
    admission,
    revocations: keys ? (listener) => keys.onRevoked(listener) : undefined,
    tickets: wsTickets,
    popularQuestions,
    limits: wsLimits(config),
  });
  lifecycle.onDrain(() => websockets.drain());
  lifecycle.onShutdown('websockets', () => websockets.close());
  return server;
}
