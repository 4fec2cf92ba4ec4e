import express, { type Express } from 'express';
import type { Logger, Registry } from '@ragfleet/telemetry';
import { adminRoutes } from './auth/admin-routes.ts';
import { Authenticator } from './auth/authenticator.ts';
import { callerChecks } from './auth/caller-checks.ts';
import { enterIdentityContext } from './auth/middleware.ts';
import { PromptGuard } from './guard/prompt-guard.ts';
import { errorHandler } from './http/errors.ts';
import type { InFlight } from './http/in-flight.ts';
import { jsonBody } from './http/json-body.ts';
import { routeNotFound } from './http/method-not-allowed.ts';
import { createGatewayMetrics, recordRequests } from './http/metrics.ts';
import { assignRequestId } from './http/request-id.ts';
import { stampApiVersion } from './openapi/api-version.ts';
import { buildOpenApiDocument } from './openapi/document.ts';
import { openapiRoutes } from './openapi/openapi-route.ts';
import { wsHttpRoute } from './ws/ws-http-route.ts';
import type { RequestLimiter } from './rate-limit/request-limiter.ts';
import { documentRoutes } from './routes/documents.ts';
import { healthRoutes } from './routes/health.ts';
import { jobRoutes } from './routes/jobs.ts';
import { ragRoutes } from './routes/rag.ts';
import type { RouteKit } from './routes/route-kit.ts';
import { searchRoutes } from './routes/search.ts';
import { indexVersionRoutes } from './routes/index-versions.ts';
import type { GenerateUpstream, IndexVersionUpstream, Readiness, RetrieveUpstream } from './upstreams.ts';

export interface GatewayDeps {
  retrieve: RetrieveUpstream;
  generate: GenerateUpstream;
  /** Retrieve's operator API (admin routes under /v1/index/versions). */
  indexVersions?: IndexVersionUpstream;
  logger: Logger;
  registry: Registry;
  readiness: () => Promise<Readiness>;
  /** body-parser size, e.g. '10mb'. */
  bodyLimit: string;
  inFlight?: InFlight;
  maxWaitMs?: number;
  jobPollIntervalMs?: number;
  /** Shared with the WebSocket server; default: a `flag` guard. */
  promptGuard?: PromptGuard;
  /** Who is calling; default: development mode (anonymous, X-Tenant-Id picks the tenant). */
  auth?: Authenticator;
  /** Rate limits; default: none. */
  limiter?: RequestLimiter;
}

/** The gateway's HTTP app, built from its dependencies so tests can hand it any upstreams. */
export function createApp(deps: GatewayDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Flat string values only: nested query objects are never part of this API.
  app.set('query parser', 'simple');

  const metrics = createGatewayMetrics(deps.registry);
  const auth = deps.auth ?? new Authenticator({ anonymousTier: 'premium' });
  const checks = callerChecks(auth, deps.limiter);
  const kit: RouteKit = {
    retrieve: deps.retrieve,
    generate: deps.generate,
    indexVersions: deps.indexVersions,
    metrics,
    logger: deps.logger,
    jsonInput: [...checks, ...jsonBody(deps.bodyLimit), enterIdentityContext],
    scoped: [...checks, enterIdentityContext],
    maxWaitMs: deps.maxWaitMs ?? 300_000,
    jobPollIntervalMs: deps.jobPollIntervalMs ?? 100,
    promptGuard:
      deps.promptGuard ?? new PromptGuard({ mode: 'flag', logger: deps.logger, registry: deps.registry }),
  };

  app.use(stampApiVersion);
  app.use(assignRequestId);
  app.use(recordRequests(metrics));
  if (deps.inFlight) app.use(deps.inFlight.track);
  app.use(healthRoutes({ registry: deps.registry, readiness: deps.readiness }));
  app.use(adminRoutes(auth, jsonBody(deps.bodyLimit)));
  app.use(documentRoutes(kit));
  app.use(jobRoutes(kit));
  app.use(searchRoutes(kit));
  app.use(indexVersionRoutes(kit));
  app.use(ragRoutes(kit));
  app.use(openapiRoutes(buildOpenApiDocument({ maxWaitMs: kit.maxWaitMs })));
  app.use(wsHttpRoute());
  app.use(routeNotFound);
  app.use(errorHandler(deps.logger));
  return app;
}
