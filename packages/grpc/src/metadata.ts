import { Metadata } from '@grpc/grpc-js';
import {
  currentRequestContext,
  extractTraceContext,
  injectTraceContext,
  type Context,
} from '@ragfleet/telemetry';

export const REQUEST_ID_KEY = 'x-request-id';
export const TENANT_KEY = 'x-tenant-id';
export const DEFAULT_TENANT = 'default';

/** Metadata for an outgoing call: the current request id, tenant and W3C trace context. */
export function outgoingMetadata(): Metadata {
  const metadata = new Metadata();
  const context = currentRequestContext();
  if (context) {
    metadata.set(REQUEST_ID_KEY, context.requestId);
    metadata.set(TENANT_KEY, context.tenant);
  }
  const carrier: Record<string, unknown> = {};
  injectTraceContext(carrier);
  for (const [key, value] of Object.entries(carrier)) metadata.set(key, String(value));
  return metadata;
}

export interface IncomingIdentity {
  requestId: string | undefined;
  tenant: string;
  traceContext: Context;
}

/** Reads what outgoingMetadata wrote on the calling side. */
export function readIncomingMetadata(metadata: Metadata): IncomingIdentity {
  const first = (key: string) => {
    const value = metadata.get(key)[0];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  return {
    requestId: first(REQUEST_ID_KEY),
    tenant: first(TENANT_KEY) ?? DEFAULT_TENANT,
    traceContext: extractTraceContext(metadata.getMap()),
  };
}
