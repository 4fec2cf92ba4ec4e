import type { IncomingMessage } from 'node:http';
import { RagfleetError } from '@ragfleet/errors';
import type { LimitDecision } from '../rate-limit/decision.ts';
import type { RequestLimiter } from '../rate-limit/request-limiter.ts';
import { permissionDenied } from './auth-errors.ts';
import type { Authenticator } from './authenticator.ts';
import { hasScope, type Identity } from './identity.ts';

function limited(decision: LimitDecision, what: string): RagfleetError {
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return new RagfleetError('RATE_LIMITED', `Too many ${what}; retry after ${seconds} s.`, {
    details: { limit: decision.limit, retry_after: seconds },
  });
}

/**
 * The same identity and limits for WebSocket as for HTTP: credentials are checked at the upgrade
 * (a refusal is an HTTP status before any socket exists), and each ask on an open socket counts
 * as one request and holds one concurrent-stream slot until it ends.
 */
export function websocketSeams(auth: Authenticator, limiter: RequestLimiter) {
  return {
    authenticateUpgrade: async (request: IncomingMessage): Promise<Identity> => {
      const identity = await auth.authenticate(request.headers);
      if (!hasScope(identity, 'rag')) throw permissionDenied('These credentials may not ask questions.');
      return identity;
    },
    admitAsk: async (identity: Identity): Promise<() => void> => {
      const decision = await limiter.consume(identity, 'request');
      if (!decision.allowed) throw limited(decision, 'requests');
      const lease = await limiter.acquireStream(identity);
      if (!lease.decision.allowed) throw limited(lease.decision, 'concurrent streams');
      return lease.release;
    },
  };
}
