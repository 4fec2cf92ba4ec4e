import { RagfleetError } from '@ragfleet/errors';

/* The store's errors in one place, with the fleet's stable codes (docs/errors.md). */

/** Unknown, expired, deleted, or someone else's: indistinguishable on purpose. */
export function sessionNotFound(sessionId: string): RagfleetError {
  return new RagfleetError('SESSION_NOT_FOUND', 'No such session.', { details: { sessionId } });
}

/**
 * A session of this caller that ran out of inactivity TTL (within a day of it): told apart from
 * an unknown one so a client can say "this conversation expired" rather than "not found".
 */
export function sessionExpired(sessionId: string): RagfleetError {
  return new RagfleetError('SESSION_EXPIRED', 'This session expired after a period of inactivity.', {
    details: { sessionId },
  });
}

/** How long an expired session is still reported as expired rather than unknown. */
export const EXPIRED_TOMBSTONE_MS = 24 * 60 * 60 * 1_000;

export function turnNotFound(sessionId: string, turnId: string): RagfleetError {
  return new RagfleetError('NOT_FOUND', 'No such turn in this session (or its events expired).', {
    details: { reason: 'TURN_NOT_FOUND', sessionId, turnId },
  });
}

export function turnInProgress(sessionId: string): RagfleetError {
  return new RagfleetError('CONFLICT', 'A turn is already running on this session.', {
    details: { sessionId },
  });
}

export function turnFinished(sessionId: string, turnId: string): RagfleetError {
  return new RagfleetError('FAILED_PRECONDITION', 'This turn has already ended.', {
    details: { reason: 'TURN_FINISHED', sessionId, turnId },
  });
}

/** A turn's writer skipped a seq: a bug, never a client's doing. */
export function turnSeqGap(turnId: string, expected: number): RagfleetError {
  return new RagfleetError('INTERNAL', 'A turn event was written out of order.', {
    internal: `turn ${turnId}: the next event is seq ${expected}`,
  });
}

export function followTimedOut(turnId: string, timeoutMs: number): RagfleetError {
  return new RagfleetError('DEADLINE_EXCEEDED', `The turn did not end within ${timeoutMs} ms.`, {
    details: { turnId },
  });
}

/** Redis (or another backing store) away: retryable, never a 404 that would lose a session. */
export function storeUnavailable(cause: unknown): RagfleetError {
  return new RagfleetError('SERVICE_UNAVAILABLE', 'Sessions cannot be reached right now.', {
    cause,
    internal: `session store failed: ${String(cause)}`,
  });
}
