import { counter, type Registry } from '@ragfleet/telemetry';
import type { Tier } from '../auth/identity.ts';

/** The window that refused: requests per minute per key, per day per user, or concurrent streams per key. */
export type RefusedLimit = 'minute' | 'day' | 'streams';

export type RefusalObserver = (limit: RefusedLimit, tier: Tier) => void;

/** Rate-limit refusals, HTTP and WebSocket alike (both pass the one admission path). */
export function rateLimitRefusals(registry: Registry): RefusalObserver {
  const refusals = counter(
    registry,
    'ragfleet_gateway_ratelimit_refusals_total',
    'Requests and WebSocket asks refused by a rate limit, by limit (minute, day, streams) and tier.',
    ['limit', 'tier'],
  );
  return (limit, tier) => refusals.inc({ limit, tier });
}
