import type { RequestHandler } from 'express';
import type { Logger } from '@ragfleet/telemetry';
import type { PromptGuard } from '../guard/prompt-guard.ts';
import type { GatewayMetrics } from '../http/metrics.ts';
import type { GenerateUpstream, IndexVersionUpstream, RetrieveUpstream } from '../upstreams.ts';

/** What every route file is built from; app.ts assembles it once. */
export interface RouteKit {
  retrieve: RetrieveUpstream;
  generate: GenerateUpstream;
  /** Retrieve's operator API; routes answer SERVICE_UNAVAILABLE without it. */
  indexVersions?: IndexVersionUpstream;
  metrics: GatewayMetrics;
  logger: Logger;
  /** For routes with a JSON body: content-type check, size-limited parse, then the request context. */
  jsonInput: RequestHandler[];
  /** For routes without a body: the request context only. */
  scoped: RequestHandler[];
  /** Upper bound on `?wait=true` for ingest. */
  maxWaitMs: number;
  /** First delay between job polls while waiting. */
  jobPollIntervalMs: number;
  /** Prompt-injection guard for user questions. */
  promptGuard: PromptGuard;
}
