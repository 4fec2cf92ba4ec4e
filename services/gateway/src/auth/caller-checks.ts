import type { RequestHandler } from 'express';
import { limitRequests, limitStreams } from '../rate-limit/middleware.ts';
import type { RequestLimiter } from '../rate-limit/request-limiter.ts';
import type { Authenticator } from './authenticator.ts';
import { authenticateRequests } from './middleware.ts';

/**
 * What every tenant-scoped route runs first, before its body is read: who is calling (401/403),
 * then whether they may call now (429). Without a limiter (tests of other concerns) only the first.
 */
export function callerChecks(auth: Authenticator, limiter?: RequestLimiter): RequestHandler[] {
  const checks = [authenticateRequests(auth)];
  if (limiter) checks.push(limitRequests(limiter), limitStreams(limiter));
  return checks;
}
