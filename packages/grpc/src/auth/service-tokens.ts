import { createHash, webcrypto } from 'node:crypto';
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose';

/** Who a call is made for, as a token carries it from one service to the next. */
export interface ServiceIdentity {
  /** The calling service (gateway, retrieve, ...): the token's issuer. */
  caller: string;
  tenant?: string;
  user?: string;
  tier?: string;
  requestId?: string;
}

/** Why a token was refused: the label of ragfleet_grpc_server_unauthenticated_total. */
export type TokenRejection =
  'missing' | 'malformed' | 'unknown_key' | 'signature' | 'expired' | 'audience' | 'claims';

export class ServiceTokenRejected extends Error {
  readonly reason: TokenRejection;
  constructor(reason: TokenRejection, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServiceTokenRejected';
    this.reason = reason;
  }
}

export interface ServiceTokensOptions {
  /** The signing key first, then any key also accepted (the other half of a rotation). */
  keys: readonly Buffer[];
  ttlSeconds?: number;
  /** The clock, in ms since the epoch; tests pass one that runs ahead. */
  now?: () => number;
}

/** Explicit typing (RFC 8725 §3.11): no other JWT signed with the same key passes as a service token. */
const TOKEN_TYPE = 'ragfleet-service+jwt';
/** However long a signer asked for, a token is refused this long after it was issued. */
const MAX_TOKEN_AGE_SECONDS = 600;
/** Pods' clocks drift a little even with NTP. */
const CLOCK_TOLERANCE_SECONDS = 5;

interface Key {
  id: string;
  key: webcrypto.CryptoKey;
}

/** A short, non-secret name for a key, so a verifier picks the right one of two without trying both. */
function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Short-lived HS256 identity tokens between the fleet's services. Whoever holds the fleet key can
 * mint one: the key is the trust boundary, which is why it is read from a mounted Secret.
 */
export class ServiceTokens {
  readonly ttlSeconds: number;
  readonly #signing: Key;
  readonly #byId: Map<string, webcrypto.CryptoKey>;
  readonly #now: () => number;

  private constructor(keys: Key[], ttlSeconds: number, now: () => number) {
    this.#signing = keys[0] as Key;
    this.#byId = new Map(keys.map(({ id, key }) => [id, key]));
    this.ttlSeconds = ttlSeconds;
    this.#now = now;
  }

  static async create(options: ServiceTokensOptions): Promise<ServiceTokens> {
    if (options.keys.length === 0) throw new Error('ServiceTokens needs at least one key');
    // Imported once: jose would otherwise import a raw key on every call.
    const keys = await Promise.all(
      options.keys.map(async (raw) => ({
        id: keyId(raw),
        key: await webcrypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [
          'sign',
          'verify',
        ]),
      })),
    );
    return new ServiceTokens(keys, options.ttlSeconds ?? 60, options.now ?? Date.now);
  }

  /** A token for one call to `audience` (the service called). */
  sign(audience: string, identity: ServiceIdentity): Promise<string> {
    const now = Math.floor(this.#now() / 1000);
    const claims: JWTPayload = {};
    if (identity.tenant) claims.tenant = identity.tenant;
    if (identity.user) claims.user = identity.user;
    if (identity.tier) claims.tier = identity.tier;
    if (identity.requestId) claims.request_id = identity.requestId;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: TOKEN_TYPE, kid: this.#signing.id })
      .setIssuer(identity.caller)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.#signing.key);
  }

  /** The identity a token carries, if it was signed with a fleet key for `audience` and is current. */
  async verify(token: string, audience: string): Promise<ServiceIdentity> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(
        token,
        (header) => {
          const key = header.kid === undefined ? undefined : this.#byId.get(header.kid);
          if (!key)
            throw new ServiceTokenRejected('unknown_key', 'signed with a key this service does not hold');
          return key;
        },
        {
          algorithms: ['HS256'],
          typ: TOKEN_TYPE,
          audience,
          requiredClaims: ['iss', 'iat', 'exp'],
          maxTokenAge: MAX_TOKEN_AGE_SECONDS,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          currentDate: new Date(this.#now()),
        },
      ));
    } catch (error) {
      throw rejection(error);
    }
    const text = (name: string): string | undefined => {
      const value = payload[name];
      if (value === undefined) return undefined;
      if (typeof value !== 'string' || value === '')
        throw new ServiceTokenRejected('claims', `claim ${name} must be a non-empty string`);
      return value;
    };
    return {
      caller: text('iss') as string,
      tenant: text('tenant'),
      user: text('user'),
      tier: text('tier'),
      requestId: text('request_id'),
    };
  }
}

function rejection(error: unknown): ServiceTokenRejected {
  if (error instanceof ServiceTokenRejected) return error;
  if (error instanceof errors.JWTExpired)
    return new ServiceTokenRejected('expired', 'token expired', { cause: error });
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new ServiceTokenRejected('signature', 'signature does not match', { cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return new ServiceTokenRejected('audience', 'token is for another service', { cause: error });
    // iat too old (maxTokenAge) is an expiry too.
    if (error.claim === 'iat' && error.reason === 'check_failed')
      return new ServiceTokenRejected('expired', 'token is too old', { cause: error });
    return new ServiceTokenRejected('claims', `claim ${error.claim} is invalid`, { cause: error });
  }
  return new ServiceTokenRejected('malformed', 'not a service token', { cause: error });
}
