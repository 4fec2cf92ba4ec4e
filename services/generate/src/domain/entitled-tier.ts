import { tierRank } from '@ragfleet/config';

/**
 * The tier an answer is routed for. The authenticated tier (from the gateway, in metadata) is a
 * ceiling: a caller may ask for a cheaper tier, never a dearer one. Without an authenticated
 * tier (an internal caller), the requested tier stands; the router rejects unknown names.
 */
export function entitledTier(requested: string, authenticated: string | undefined): string {
  if (!authenticated) return requested;
  if (requested === '') return authenticated;
  const asked = tierRank(requested);
  const allowed = tierRank(authenticated);
  if (asked === -1 || allowed === -1) return requested;
  return asked <= allowed ? requested : authenticated;
}
