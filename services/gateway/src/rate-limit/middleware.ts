import type { RequestHandler, Response } from 'express';
import { RagfleetError } from '@ragfleet/errors';
import { identityOf } from '../auth/middleware.ts';
import { isStreamRoute } from '../auth/route-scopes.ts';
import type { LimitDecision } from './decision.ts';
import type { RequestLimiter } from './request-limiter.ts';

/**
 * X-RateLimit-Limit / -Remaining / -Reset (seconds until the window resets, as in the IETF
 * RateLimit draft) on every limited response; Retry-After (seconds) on a 429.
 */
export function setRateLimitHeaders(response: Response, decision: LimitDecision): void {
  response.setHeader('X-RateLimit-Limit', String(decision.limit));
  response.setHeader('X-RateLimit-Remaining', String(decision.remaining));
  response.setHeader('X-RateLimit-Reset', String(Math.ceil(decision.resetMs / 1000)));
  if (!decision.allowed)
    response.setHeader('Retry-After', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
}

export function rateLimited(decision: LimitDecision, what: string): RagfleetError {
  return new RagfleetError(
    'RATE_LIMITED',
    `Too many ${what}; retry after ${Math.ceil(decision.retryAfterMs / 1000)} s.`,
    {
      details: { limit: decision.limit, retry_after_ms: decision.retryAfterMs },
    },
  );
}

/** Counts the request against the caller's per-minute and per-day windows; 429 once either is spent. */
export function limitRequests(limiter: RequestLimiter): RequestHandler {
  return (_request, response, next) => {
    const identity = identityOf(response);
    if (!identity) {
      next(new Error('limitRequests ran before authenticateRequests'));
      return;
    }
    limiter.consume(identity, 'request').then((decision) => {
      setRateLimitHeaders(response, decision);
      next(decision.allowed ? undefined : rateLimited(decision, 'requests'));
    }, next);
  };
}

/**
 * On stream routes (see route-scopes.ts), holds one of the key's concurrent stream slots for as
 * long as the response is open; released when the response ends or the client disconnects.
 */
export function limitStreams(limiter: RequestLimiter): RequestHandler {
  return (request, response, next) => {
    if (!isStreamRoute(request.method, request.path)) {
      next();
      return;
    }
    const identity = identityOf(response);
    if (!identity) {
      next(new Error('limitStreams ran before authenticateRequests'));
      return;
    }
    limiter.acquireStream(identity).then((lease) => {
      if (!lease.decision.allowed) {
        setRateLimitHeaders(response, lease.decision);
        next(rateLimited(lease.decision, 'concurrent streams'));
        return;
      }
      response.once('close', lease.release);
      next();
    }, next);
  };
}
