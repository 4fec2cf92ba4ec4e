import express, { type Express } from 'express';
import type { Logger, Registry } from '@ragfleet/telemetry';
import { errorHandler } from './http/errors.ts';
import type { InFlight } from './http/in-flight.ts';
import { jsonBody } from './http/json-body.ts';
import { routeNotFound } from './http/method-not-allowed.ts';
import { createGatewayMetrics, recordRequests } from './http/metrics.ts';
import { enterRequestContext } from './http/request-context.ts';
import { assignRequestId } from './http/request-id.ts';
import { documentRoutes } from './routes/documents.ts';
import { healthRoutes } from './routes/health.ts';
import { jobRoutes } from './routes/jobs.ts';
import { ragRoutes } from './routes/rag.ts';
import type { RouteKit } from './routes/route-kit.ts';
import { searchRoutes } from './routes/search.ts';
import type { GenerateUpstream, Readiness, RetrieveUpstream } from './upstreams.ts';

export interface GatewayDeps {
  retrieve: RetrieveUpstream;
  generate: GenerateUpstream;
  logger: Logger;
  registry: Registry;
  readiness: () => Promise<Readiness>;
  /** body-parser size, e.g. '10mb'. */
  bodyLimit: string;
  inFlight?: InFlight;
  maxWaitMs?: number;
  jobPollIntervalMs?: number;
}

/** The gateway's HTTP app, built from its dependencies so tests can hand it any upstreams. */
export function createApp(deps: GatewayDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Flat string values only: nested query objects are never part of this API.
  app.set('query parser', 'simple');

  const metrics = createGatewayMetrics(deps.registry);
  const kit: RouteKit = {
    retrieve: deps.retrieve,
    generate: deps.generate,
    metrics,
    logger: deps.logger,
    jsonInput: [...jsonBody(deps.bodyLimit), enterRequestContext],
    scoped: [enterRequestContext],
    maxWaitMs: deps.maxWaitMs ?? 300_000,
    jobPollIntervalMs: deps.jobPollIntervalMs ?? 100,
  };

  app.use(assignRequestId);
  app.use(recordRequests(metrics));
  if (deps.inFlight) app.use(deps.inFlight.track);
  app.use(healthRoutes({ registry: deps.registry, readiness: deps.readiness }));
  app.use(documentRoutes(kit));
  app.use(jobRoutes(kit));
  app.use(searchRoutes(kit));
  app.use(ragRoutes(kit));
  app.use(routeNotFound);
  app.use(errorHandler(deps.logger));
  return app;
}
