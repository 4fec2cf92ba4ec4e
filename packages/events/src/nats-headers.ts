import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';
import { injectTraceContext } from '@ragfleet/telemetry';
import type { EventEnvelope } from './event-bus.ts';

export const EVENT_TYPE_HEADER = 'Ragfleet-Event-Type';
export const TENANT_HEADER = 'Ragfleet-Tenant';

/** Headers for an outgoing event: W3C trace context of the caller, plus type and tenant for routing/debugging. */
export function outgoingHeaders(event: EventEnvelope<unknown>): MsgHdrs {
  const carrier: Record<string, unknown> = {};
  injectTraceContext(carrier);
  const result = natsHeaders();
  for (const [key, value] of Object.entries(carrier)) result.set(key, String(value));
  result.set(EVENT_TYPE_HEADER, event.type);
  result.set(TENANT_HEADER, event.tenant);
  return result;
}

/** NATS headers as the lower-cased plain object the trace propagator reads. */
export function headerCarrier(headers: MsgHdrs | undefined): Record<string, string> {
  const carrier: Record<string, string> = {};
  if (!headers) return carrier;
  for (const key of headers.keys()) carrier[key.toLowerCase()] = headers.get(key);
  return carrier;
}
