import { TIERS, type Tier } from '@ragfleet/config';

export { TIERS, type Tier };

/**
 * The tier of a caller nobody gave one: an anonymous development caller
 * (GATEWAY_ANONYMOUS_TIER), as a JWT without a tier claim and a new key default to it too. The
 * cheapest: a development gateway reached by anyone, or one with a paid provider configured,
 * never spends on the dearest models unless told to.
 */
export const DEFAULT_TIER: Tier = 'free';

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

/**
 * What a caller may do. `*` grants every scope; `admin` opens the key administration routes.
 * A key or token without scopes gets `*` (everything but admin), so scopes only ever narrow.
 */
export const SCOPES = [
  '*',
  'documents:read',
  'documents:write',
  'jobs:read',
  'search',
  'rag',
  'chat',
  'recommendations:read',
  'recommendations:write',
  'feedback',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

export const AUTH_METHODS = ['api_key', 'jwt', 'admin_token', 'anonymous'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** The authenticated caller; only this (never a request header) decides the tenant. */
export interface Identity {
  tenant: string;
  /** The person or system inside the tenant: an API key's owner, a JWT's subject. */
  user: string;
  tier: Tier;
  scopes: readonly Scope[];
  /** What per-key limits count against: the API key id, or `jwt:<tenant>:<sub>` for a token. */
  keyId: string;
  method: AuthMethod;
  /** A token's `exp`, in epoch milliseconds: a credential that has no later check ends there. */
  expiresAt?: number | undefined;
}

export function hasScope(identity: Identity, scope: Scope): boolean {
  if (identity.scopes.includes(scope)) return true;
  // `*` means every API scope; administration must be granted by name.
  return scope !== 'admin' && identity.scopes.includes('*');
}

/** Tenant, user and key ids travel in Redis keys and gRPC metadata: keep them to a safe alphabet. */
export const IDENTIFIER = /^[A-Za-z0-9._@:-]{1,128}$/;
export const TENANT_ID = /^[a-zA-Z0-9_-]{1,64}$/;
