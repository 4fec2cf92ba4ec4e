import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { RagfleetError } from '@ragfleet/errors';
import { IDENTIFIER, TENANT_ID, isScope, isTier, type Identity, type Scope, type Tier } from './identity.ts';
import { unauthenticated } from './auth-errors.ts';

export interface JwtOptions {
  /** HS256 shared secret; or */
  secret?: string;
  /** a JWKS endpoint for asymmetric keys (RS*, PS*, ES*, EdDSA), fetched and cached by jose. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** Claim naming the tenant (default `tenant`). */
  tenantClaim: string;
  /** Claim naming the tier (default `tier`); absent means defaultTier. */
  tierClaim: string;
  defaultTier: Tier;
  /** Longest accepted lifetime: `exp` no later than this after `iat` (or after now, without `iat`). */
  maxLifetimeSeconds: number;
  /** Whether a token's `admin` scope opens administration; otherwise it is dropped. */
  allowAdmin: boolean;
  clockToleranceSeconds?: number;
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * `scope: "search rag"` (OAuth style) or `scopes: ["search", "rag"]`; neither means every scope.
 * `admin` counts only when the gateway is configured to take administration from tokens: an
 * identity provider that lets users pick scopes must not make them operators of every tenant.
 */
function scopesOf(payload: JWTPayload, allowAdmin: boolean): Scope[] {
  const raw = payload.scope ?? payload.scopes;
  const names = typeof raw === 'string' ? raw.split(/\s+/) : Array.isArray(raw) ? raw : undefined;
  if (names === undefined) return ['*'];
  // Unknown scopes (another API's, in a shared token) grant nothing here.
  return names.filter(isScope).filter((scope) => allowAdmin || scope !== 'admin');
}

/** Verifies a bearer JWT and turns its claims into an Identity; throws UNAUTHENTICATED when it cannot. */
export class JwtVerifier {
  readonly #key: Uint8Array | JWTVerifyGetKey;
  readonly #algorithms: string[];
  readonly #options: JwtOptions;

  constructor(options: JwtOptions) {
    if (options.secret) {
      this.#key = new TextEncoder().encode(options.secret);
      this.#algorithms = ['HS256'];
    } else if (options.jwksUrl) {
      this.#key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.#algorithms = ASYMMETRIC;
    } else {
      throw new Error('JwtVerifier needs a secret or a JWKS URL');
    }
    this.#options = options;
  }

  async verify(token: string): Promise<Identity> {
    const payload = await this.#verified(token);
    const tenant = payload[this.#options.tenantClaim];
    if (typeof tenant !== 'string' || !TENANT_ID.test(tenant)) {
      throw unauthenticated(`The token carries no valid "${this.#options.tenantClaim}" claim.`);
    }
    if (typeof payload.sub !== 'string' || !IDENTIFIER.test(payload.sub)) {
      throw unauthenticated('The token carries no valid "sub" claim.');
    }
    const tierClaim = payload[this.#options.tierClaim];
    if (tierClaim !== undefined && !isTier(tierClaim)) {
      throw unauthenticated(`The token's "${this.#options.tierClaim}" claim is not a known tier.`);
    }
    return {
      tenant,
      user: payload.sub,
      tier: tierClaim ?? this.#options.defaultTier,
      scopes: scopesOf(payload, this.#options.allowAdmin),
      keyId: `jwt:${tenant}:${payload.sub}`,
      method: 'jwt',
      // Required above, so always a number here.
      expiresAt: (payload.exp ?? 0) * 1000,
    };
  }

  async #verified(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, this.#key as Uint8Array, {
        algorithms: this.#algorithms,
        issuer: this.#options.issuer,
        audience: this.#options.audience,
        clockTolerance: this.#options.clockToleranceSeconds ?? 5,
        // A token without an expiry would be valid for ever once leaked.
        requiredClaims: ['exp'],
      });
      this.#checkLifetime(payload);
      return payload;
    } catch (error) {
      if (error instanceof RagfleetError) throw error;
      if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired.');
      if (error instanceof errors.JWKSTimeout || (error instanceof TypeError && this.#options.jwksUrl)) {
        throw new RagfleetError('SERVICE_UNAVAILABLE', 'Credentials cannot be checked right now.', {
          cause: error,
          internal: `JWKS fetch failed: ${String(error)}`,
        });
      }
      if (error instanceof errors.JWTClaimValidationFailed) {
        if (error.reason === 'missing') throw unauthenticated(`The token has no "${error.claim}" claim.`);
        throw unauthenticated(`The token's "${error.claim}" claim is not accepted.`);
      }
      throw unauthenticated('The token is invalid.');
    }
  }

  #checkLifetime(payload: JWTPayload): void {
    const max = this.#options.maxLifetimeSeconds;
    const issuedAt = typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000);
    if ((payload.exp ?? 0) - issuedAt > max) {
      throw unauthenticated(`The token lives longer than the ${max} s this gateway accepts.`);
    }
  }
}
