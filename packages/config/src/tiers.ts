/**
 * Service tiers, cheapest first: what an identity is entitled to, and what the router routes
 * for. One list, so the gateway's keys, generate's entitlement check and the router's catalog
 * never disagree on a name or on the order (a caller may ask for a lower tier, never a higher).
 */
export const TIERS = ['free', 'standard', 'premium', 'enterprise'] as const;
export type Tier = (typeof TIERS)[number];

/** Position in TIERS, or -1 for an unknown name. */
export function tierRank(tier: string): number {
  return (TIERS as readonly string[]).indexOf(tier);
}
