import express, { type Express } from 'express';
import type { Logger, Registry } from '@ragfleet/telemetry';
import { Admission } from './admission/admission.ts';
import { Authenticator } from './auth/authenticator.ts';
import { DEFAULT_TIER } from './auth/identity.ts';
import { PromptGuard } from './guard/prompt-guard.ts';
import { errorHandler } from './http/errors.ts';
import type { InFlight } from './http/in-flight.ts';
import { parseByteSize } from './http/json-body.ts';
import { routeNotFound } from './http/method-not-allowed.ts';
import { createGatewayMetrics, recordRequests } from './http/metrics.ts';
import { registerRoutes } from './http/register-routes.ts';
import { assignRequestId } from './http/request-id.ts';
import { stampApiVersion } from './openapi/api-version.ts';
import type { PopularQuestions } from './popular/popular-questions.ts';
import { routeTable } from './routes/table.ts';
import type { BudgetUpstream } from './routes/admin-budgets.ts';
import type { UsageUpstream } from './routes/usage.ts';
import type {
  ChangeUpstreams,
  GenerateUpstream,
  IndexVersionUpstream,
  Readiness,
  RecommendationUpstreams,
  RetrieveUpstream,
  SessionUpstream,
} from './upstreams.ts';
import { MemoryTicketStore } from './ws/tickets/ticket-store.ts';
import { WsTickets } from './ws/tickets/ws-tickets.ts';

export interface GatewayDeps {
  retrieve: RetrieveUpstream;
  generate: GenerateUpstream;
  /** Retrieve's operator API (admin routes under /v1/index/versions). */
  indexVersions?: IndexVersionUpstream;
  /** The session service (routes under /v1/sessions); they answer SERVICE_UNAVAILABLE without it. */
  sessions?: SessionUpstream;
  /** The router's usage ledger (GET /v1/usage); it answers SERVICE_UNAVAILABLE without it. */
  usage?: UsageUpstream;
  /** The router's budgets (/v1/admin/budgets); they answer SERVICE_UNAVAILABLE without it. */
  budgets?: BudgetUpstream;
  /** The scorer and the feedback service (subjects, recommendations, feedback, weights); without them those routes answer SERVICE_UNAVAILABLE. */
  recommendations?: RecommendationUpstreams;
  /** Generate's prompts, experiments and rollouts (/v1/admin/prompts, experiments, shadow, rollouts). */
  changes?: ChangeUpstreams;
  logger: Logger;
  registry: Registry;
  readiness: () => Promise<Readiness>;
  /** Largest JSON body, as '512kb', '10mb' or a number of bytes. */
  bodyLimit: string;
  inFlight?: InFlight;
  maxWaitMs?: number;
  jobPollIntervalMs?: number;
  /** Longest silence between two answer events before the stream is cut (default 30 s). */
  streamIdleMs?: number;
  /** Shared with the WebSocket server; default: a `flag` guard. */
  promptGuard?: PromptGuard;
  /** Counts of asked questions (GET /v1/admin/questions/top); without it nothing is counted. */
  popularQuestions?: PopularQuestions;
  /** Who may call and how often; default: development mode (anonymous, no limits). */
  admission?: Admission;
  /** WebSocket tickets, shared with the WebSocket endpoint; default: this process's memory. */
  wsTickets?: WsTickets;
}

export const DEFAULT_STREAM_IDLE_MS = 30_000;

/** The gateway's HTTP app, built from its dependencies so tests can hand it any upstreams. */
export function createApp(deps: GatewayDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Flat string values only: nested query objects are never part of this API.
  app.set('query parser', 'simple');

  const metrics = createGatewayMetrics(deps.registry);
  const admission =
    deps.admission ?? new Admission({ auth: new Authenticator({ anonymousTier: DEFAULT_TIER }) });
  const routes = routeTable({
    retrieve: deps.retrieve,
    generate: deps.generate,
    indexVersions: deps.indexVersions,
    sessions: deps.sessions,
    usage: deps.usage,
    budgets: deps.budgets,
    recommendations: deps.recommendations,
    changes: deps.changes,
    keys: admission.auth.keys,
    readiness: deps.readiness,
    metrics,
    logger: deps.logger,
    maxWaitMs: deps.maxWaitMs ?? 300_000,
    jobPollIntervalMs: deps.jobPollIntervalMs ?? 100,
    streamIdleMs: deps.streamIdleMs ?? DEFAULT_STREAM_IDLE_MS,
    promptGuard:
      deps.promptGuard ?? new PromptGuard({ mode: 'flag', logger: deps.logger, registry: deps.registry }),
    wsTickets: deps.wsTickets ?? new WsTickets({ store: new MemoryTicketStore(), auth: admission.auth }),
    popularQuestions: deps.popularQuestions,
  });

  app.use(stampApiVersion);
  app.use(assignRequestId);
  app.use(recordRequests(metrics));
  if (deps.inFlight) app.use(deps.inFlight.track);
  app.use(registerRoutes(routes, { admission, bodyLimitBytes: parseByteSize(deps.bodyLimit) }));
  app.use(routeNotFound);
  app.use(errorHandler(deps.logger, metrics.errors));
  return app;
}
