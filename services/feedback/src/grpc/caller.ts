import type { CallContext } from '@ragfleet/grpc';

/**
 * The tenant is always the caller's (from the service token, or the identity metadata in
 * development mode), never a request field: another tenant's records simply do not exist.
 */
export const callerTenant = (context: CallContext): string => context.tenant;

/** Who acted, for a stage change: the end user when the call carries one, else the calling service. */
export const callerActor = (context: CallContext): string => context.user ?? context.caller ?? 'unknown';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** A list's limit: 0 is the default 50, and no page is larger than 200. */
export const pageLimit = (requested: number): number => Math.min(requested || DEFAULT_LIMIT, MAX_LIMIT);
