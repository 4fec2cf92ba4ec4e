import { RagfleetError } from '@ragfleet/errors';
import type { CallContext } from '@ragfleet/grpc';
import type { SessionOwner } from '../domain/records.ts';

/**
 * The session owner is the caller the identity metadata (or service token) names, never a
 * request field. A call without a user is refused rather than given a shared anonymous owner,
 * which would let every such caller read every other's conversations. PERMISSION_DENIED, not
 * UNAUTHENTICATED: the call did authenticate (as a service), and GrpcServer turns a handler's
 * UNAUTHENTICATED into INTERNAL (that code is kept for a refused service token).
 */
export function callerOwner(context: CallContext): SessionOwner {
  if (!context.user) {
    throw new RagfleetError('PERMISSION_DENIED', 'Sessions need a caller identity (x-user-id).', {
      details: { reason: 'NO_USER' },
    });
  }
  return { tenant: context.tenant, user: context.user };
}
