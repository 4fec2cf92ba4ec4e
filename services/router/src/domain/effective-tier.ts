import { TIERS } from './catalog.ts';

/**
 * The tier a question is routed for. The caller's identity (context.tier, from the service token
 * the gateway's key or JWT produced) is a ceiling: a request may ask for a cheaper tier, never a
 * dearer one; an empty request takes the identity's tier. Without an identity tier (an internal
 * caller) the requested tier stands. Generate applies the same rule before it calls; applying it
 * here too keeps a direct caller from routing above its identity. Unknown names pass through for
 * the policy to reject.
 */
export function effectiveTier(requested: string, identity: string | undefined): string {
  if (!identity) return requested;
  if (requested === '') return identity;
  const asked = (TIERS as readonly string[]).indexOf(requested);
  const allowed = (TIERS as readonly string[]).indexOf(identity);
  if (asked === -1 || allowed === -1) return requested;
  return asked <= allowed ? requested : identity;
}
