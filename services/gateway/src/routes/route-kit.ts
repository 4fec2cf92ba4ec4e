import type { Logger } from '@ragfleet/telemetry';
import type { KeyDirectory } from '../auth/key-directory.ts';
import type { PromptGuard } from '../guard/prompt-guard.ts';
import type { GatewayMetrics } from '../http/metrics.ts';
import type {
  ChangeUpstreams,
  GenerateUpstream,
  IndexVersionUpstream,
  Readiness,
  RecommendationUpstreams,
  RetrieveUpstream,
  SessionUpstream,
} from '../upstreams.ts';
import type { WsTickets } from '../ws/tickets/ws-tickets.ts';
import type { BudgetUpstream } from './admin-budgets.ts';
import type { UsageUpstream } from './usage.ts';

/** What the route files are built from; app.ts assembles it once. */
export interface RouteKit {
  retrieve: RetrieveUpstream;
  generate: GenerateUpstream;
  /** Retrieve's operator API; its routes answer SERVICE_UNAVAILABLE without it. */
  indexVersions?: IndexVersionUpstream | undefined;
  /** Conversations; the session routes answer SERVICE_UNAVAILABLE without it. */
  sessions?: SessionUpstream | undefined;
  /** API keys created through the admin routes; they answer PERMISSION_DENIED without it. */
  keys: KeyDirectory | undefined;
  /** The router's usage ledger; GET /v1/usage answers SERVICE_UNAVAILABLE without it. */
  usage?: UsageUpstream | undefined;
  /** The router's budgets; /v1/admin/budgets answers SERVICE_UNAVAILABLE without it. */
  budgets?: BudgetUpstream | undefined;
  /** The scorer and the feedback service; their routes answer SERVICE_UNAVAILABLE without them. */
  recommendations?: RecommendationUpstreams | undefined;
  /** Generate's prompts, experiments and rollouts; their admin routes answer SERVICE_UNAVAILABLE without them. */
  changes?: ChangeUpstreams | undefined;
  readiness: () => Promise<Readiness>;
  metrics: GatewayMetrics;
  logger: Logger;
  /** Upper bound on `?wait=true` for ingest. */
  maxWaitMs: number;
  /** First delay between job polls while waiting. */
  jobPollIntervalMs: number;
  /** Longest silence allowed between two events of an answer stream before it is cut. */
  streamIdleMs: number;
  /** Prompt-injection guard for user questions. */
  promptGuard: PromptGuard;
  /** Single-use WebSocket tickets (POST /v1/ws/tickets). */
  wsTickets: WsTickets;
}
