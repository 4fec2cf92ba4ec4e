import { Metadata } from '@grpc/grpc-js';
import {
  currentRequestContext,
  extractTraceContext,
  injectTraceContext,
  type Context,
  type RequestContext,
} from '@ragfleet/telemetry';

export const REQUEST_ID_KEY = 'x-request-id';
export const TENANT_KEY = 'x-tenant-id';
/** The authenticated caller inside the tenant (API key owner or JWT subject), set by the gateway. */
export const USER_KEY = 'x-user-id';
/** The caller's service tier (free, standard, premium), set by the gateway from the identity. */
export const TIER_KEY = 'x-user-tier';
/** The API key the gateway admitted the caller with (none for a JWT or anonymous caller). */
export const KEY_ID_KEY = 'x-key-id';
export const DEFAULT_TENANT = 'default';
/** `Bearer <service token>`: the only identity an authenticated service believes. */
export const AUTHORIZATION_KEY = 'authorization';

/** Who is calling beyond the tenant; kept as its own type for callers that name it. */
export type CallerFields = Pick<RequestContext, 'user' | 'tier'>;

/**
 * The request context as the gateway enters it and GrpcServer re-enters it for a handler: the
 * telemetry context plus the API key id, which budgets per key need on every hop (gateway →
 * generate → router). Kept here rather than in @ragfleet/telemetry because only calls carry it.
 */
export type CallerContext = RequestContext & {
  /** The API key's id when the caller came with one; undefined for a JWT or anonymous caller. */
  keyId?: string | undefined;
};

/**
 * Metadata for an outgoing call: the current request id, tenant, user, tier, key id and W3C trace context,
 * and the service token when there is one. The plain identity fields stay beside the token for a
 * server in development mode; an authenticated server reads identity from the token alone.
 */
export function outgoingMetadata(authorization?: string): Metadata {
  const metadata = new Metadata();
  if (authorization) metadata.set(AUTHORIZATION_KEY, authorization);
  const context: CallerContext | undefined = currentRequestContext();
  if (context) {
    metadata.set(REQUEST_ID_KEY, context.requestId);
    metadata.set(TENANT_KEY, context.tenant);
    if (context.user) metadata.set(USER_KEY, context.user);
    if (context.tier) metadata.set(TIER_KEY, context.tier);
    if (context.keyId) metadata.set(KEY_ID_KEY, context.keyId);
  }
  const carrier: Record<string, unknown> = {};
  injectTraceContext(carrier);
  for (const [key, value] of Object.entries(carrier)) metadata.set(key, String(value));
  return metadata;
}

export interface IncomingIdentity {
  requestId: string | undefined;
  tenant: string;
  /** Absent when the call did not come through an authenticated gateway. */
  user: string | undefined;
  tier: string | undefined;
  keyId: string | undefined;
  traceContext: Context;
}

/** Reads what outgoingMetadata wrote on the calling side: to be trusted in development mode only. */
export function readIncomingMetadata(metadata: Metadata): IncomingIdentity {
  const first = (key: string) => {
    const value = metadata.get(key)[0];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  return {
    requestId: first(REQUEST_ID_KEY),
    tenant: first(TENANT_KEY) ?? DEFAULT_TENANT,
    user: first(USER_KEY),
    tier: first(TIER_KEY),
    keyId: first(KEY_ID_KEY),
    traceContext: extractTraceContext(metadata.getMap()),
  };
}
