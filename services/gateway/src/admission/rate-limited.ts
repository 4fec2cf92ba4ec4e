import { RagfleetError } from '@ragfleet/errors';
import type { LimitDecision } from '../rate-limit/decision.ts';

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * The one rate-limit error, over HTTP and WebSocket alike. Every time in `details` is in whole
 * seconds, like the Retry-After and X-RateLimit-Reset headers derived from it.
 */
export function rateLimited(decision: LimitDecision, what: string): RagfleetError {
  const retryAfter = seconds(decision.retryAfterMs);
  return new RagfleetError('RATE_LIMITED', `Too many ${what}; retry after ${retryAfter} s.`, {
    details: {
      limit: decision.limit,
      remaining: decision.remaining,
      reset: Math.ceil(decision.resetMs / 1000),
      retry_after: retryAfter,
    },
  });
}

/** The X-RateLimit-* headers of a decision, as the IETF RateLimit draft names them (reset in seconds). */
export function rateLimitHeaders(decision: LimitDecision): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(Math.ceil(decision.resetMs / 1000)),
  };
}

/** The same headers, and Retry-After, from a RATE_LIMITED error's details. */
export function rateLimitErrorHeaders(error: RagfleetError): Record<string, string> {
  const details = error.details ?? {};
  const headers: Record<string, string> = {};
  if (typeof details.limit === 'number') headers['X-RateLimit-Limit'] = String(details.limit);
  if (typeof details.remaining === 'number') headers['X-RateLimit-Remaining'] = String(details.remaining);
  if (typeof details.reset === 'number') headers['X-RateLimit-Reset'] = String(details.reset);
  if (typeof details.retry_after === 'number') headers['Retry-After'] = String(details.retry_after);
  return headers;
}
