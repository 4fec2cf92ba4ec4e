import type { IncomingHttpHeaders } from 'node:http';
import { fieldDetails, RagfleetError } from '@ragfleet/errors';
import { hashApiKey, secretsEqual } from './api-keys.ts';
import { permissionDenied, unauthenticated } from './auth-errors.ts';
import { TENANT_ID, type Identity, type Tier } from './identity.ts';
import type { KeyDirectory } from './key-directory.ts';
import type { JwtVerifier } from './jwt-verifier.ts';

export const TENANT_HEADER = 'x-tenant-id';
export const API_KEY_HEADER = 'x-api-key';
export const DEFAULT_TENANT = 'default';
export const ADMIN_TENANT = '_admin';

export interface AuthenticatorOptions {
  /** API keys (file and admin-created). */
  keys?: KeyDirectory;
  jwt?: JwtVerifier;
  /** Opens /v1/admin; carries no tenant and no API scope. */
  adminToken?: string;
  /** Tier given to anonymous callers in development mode (no key source configured). */
  anonymousTier: Tier;
}

/** The one credential a request presents, from `Authorization: Bearer` or `X-API-Key`. */
export function presentedCredential(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <API key or token>".');
    return match[1];
  }
  const apiKey = headers[API_KEY_HEADER];
  if (Array.isArray(apiKey)) throw unauthenticated('Send one X-API-Key header.');
  return apiKey?.trim() || undefined;
}

/** Whether the request offered any credential at all (chooses the 401 challenge). */
export function offersCredential(headers: IncomingHttpHeaders): boolean {
  return headers.authorization !== undefined || headers[API_KEY_HEADER] !== undefined;
}

/**
 * What stands in for a credential that cannot travel again (a WebSocket ticket): who it was for
 * and how to check it is still good later, without the secret itself. For an API key, its hash
 * (the key store's own lookup key), so a revoked key is found out; a token keeps its expiry.
 */
export interface CredentialGrant {
  identity: Identity;
  keyHash?: string | undefined;
}

const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function headerTenant(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[TENANT_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !TENANT_ID.test(value)) {
    throw new RagfleetError('INVALID_ARGUMENT', 'X-Tenant-Id must match [a-zA-Z0-9_-]{1,64}.', {
      details: fieldDetails([{ field: 'header.X-Tenant-Id', message: 'invalid tenant id' }]),
    });
  }
  return value;
}

/**
 * Turns request headers into an Identity. With any key source configured (key file, JWT, admin
 * token) credentials are required and alone decide the tenant. With none, the gateway runs in
 * development mode: every caller is anonymous and X-Tenant-Id (or "default") names the tenant.
 * Shared by HTTP routes and the WebSocket upgrade.
 */
export class Authenticator {
  readonly #options: AuthenticatorOptions;

  constructor(options: AuthenticatorOptions) {
    this.#options = options;
  }

  /** False in development mode: no credential can be checked, so none is asked for. */
  get required(): boolean {
    const { keys, jwt, adminToken } = this.#options;
    return keys !== undefined || jwt !== undefined || adminToken !== undefined;
  }

  get keys(): KeyDirectory | undefined {
    return this.#options.keys;
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<Identity> {
    if (!this.required) return this.#anonymous(headers);
    const credential = presentedCredential(headers);
    if (credential === undefined) {
      throw unauthenticated('Credentials are required: send "Authorization: Bearer <key>" or "X-API-Key".');
    }
    const identity = await this.#verify(credential);
    const claimed = headerTenant(headers);
    if (claimed !== undefined && claimed !== identity.tenant) {
      // The header no longer chooses the tenant; say so rather than silently acting for another.
      throw permissionDenied(`These credentials belong to another tenant than "${claimed}".`);
    }
    return identity;
  }

  /** The grant for a caller just authenticated from these headers. */
  grantFor(identity: Identity, headers: IncomingHttpHeaders): CredentialGrant {
    if (identity.method !== 'api_key') return { identity };
    const credential = presentedCredential(headers);
    return { identity, keyHash: credential === undefined ? undefined : hashApiKey(credential) };
  }

  /**
   * The identity of a grant if its credential is still good now, as `authenticate` would find it:
   * the key not revoked (its record read again: a changed tier or scopes apply), the token not
   * expired. Anything else about the grant was checked when it was made.
   */
  async revalidate(grant: CredentialGrant): Promise<Identity> {
    const { identity, keyHash } = grant;
    if (identity.expiresAt !== undefined && Date.now() >= identity.expiresAt) {
      throw unauthenticated('The token has expired.');
    }
    if (identity.method !== 'api_key') return identity;
    const record = keyHash ? await this.#options.keys?.lookupHash(keyHash) : undefined;
    if (!record || record.id !== identity.keyId) throw unauthenticated('The API key is no longer valid.');
    return {
      ...identity,
      tenant: record.tenant,
      user: record.user,
      tier: record.tier,
      scopes: record.scopes,
    };
  }

  async #verify(credential: string): Promise<Identity> {
    const { keys, jwt, adminToken } = this.#options;
    if (adminToken !== undefined && secretsEqual(credential, adminToken)) {
      return {
        tenant: ADMIN_TENANT,
        user: 'admin',
        tier: 'premium',
        scopes: ['admin'],
        keyId: 'admin',
        method: 'admin_token',
      };
    }
    if (jwt && JWT_SHAPE.test(credential)) return jwt.verify(credential);
    const record = keys ? await keys.lookup(credential) : undefined;
    if (!record) throw unauthenticated(jwt && !keys ? 'The token is invalid.' : 'The API key is not valid.');
    return {
      tenant: record.tenant,
      user: record.user,
      tier: record.tier,
      scopes: record.scopes,
      keyId: record.id,
      method: 'api_key',
    };
  }

  #anonymous(headers: IncomingHttpHeaders): Identity {
    const tenant = headerTenant(headers) ?? DEFAULT_TENANT;
    return {
      tenant,
      user: 'anonymous',
      tier: this.#options.anonymousTier,
      scopes: ['*'],
      keyId: `anonymous:${tenant}`,
      method: 'anonymous',
    };
  }
}
