import { createHash, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

/** Who a call is made for, as a token carries it from one service to the next. */
export interface ServiceIdentity {
  /** The calling service (gateway, retrieve, ...): the token's issuer. */
  caller: string;
  tenant?: string;
  user?: string;
  tier?: string;
  /** The API key the gateway admitted the caller with; absent for a JWT or anonymous caller. */
  keyId?: string;
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
  /** The clock, in ms since the epoch; tests pass one that runs behind. */
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
  /** Imported once: building the key object on every sign and verify was a few % of each service's CPU. */
  secret: KeyObject;
  /** The encoded protected header of tokens signed with this key: the same for every token. */
  header: string;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function decode(part: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch (error) {
    throw new ServiceTokenRejected('malformed', `${what} is not base64url JSON`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ServiceTokenRejected('malformed', `${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function mac(key: Key, signingInput: string): string {
  return createHmac('sha256', key.secret).update(signingInput).digest('base64url');
}

/**
 * Short-lived identity tokens between the fleet's services: compact JWS (RFC 7515) with HS256,
 * so any JWT library can read them. Made with node:crypto's synchronous HMAC rather than a JOSE
 * library's WebCrypto calls, which cost two thread-pool round trips per hop; only this one
 * algorithm and header shape are ever accepted, so there is no algorithm to confuse.
 *
 * Whoever holds the fleet key can mint one: the key is the trust boundary, which is why it is
 * read from a mounted Secret.
 */
export class ServiceTokens {
  readonly ttlSeconds: number;
  readonly #signing: Key;
  readonly #byId: Map<string, Key>;
  readonly #now: () => number;

  constructor(options: ServiceTokensOptions) {
    if (options.keys.length === 0) throw new Error('ServiceTokens needs at least one key');
    const keys = options.keys.map((secret): Key => {
      // A short, non-secret name for the key, so a verifier picks the right one of two.
      const id = createHash('sha256').update(secret).digest('hex').slice(0, 16);
      return {
        id,
        secret: createSecretKey(secret),
        header: encode({ alg: 'HS256', typ: TOKEN_TYPE, kid: id }),
      };
    });
    this.#signing = keys[0] as Key;
    this.#byId = new Map(keys.map((key) => [key.id, key]));
    this.ttlSeconds = options.ttlSeconds ?? 60;
    this.#now = options.now ?? Date.now;
  }

  /** A token for one call to `audience` (the service called). */
  sign(audience: string, identity: ServiceIdentity): string {
    const iat = Math.floor(this.#now() / 1000);
    const claims: Record<string, string | number> = {
      iss: identity.caller,
      aud: audience,
      iat,
      exp: iat + this.ttlSeconds,
    };
    if (identity.tenant) claims.tenant = identity.tenant;
    if (identity.user) claims.user = identity.user;
    if (identity.tier) claims.tier = identity.tier;
    if (identity.keyId) claims.key_id = identity.keyId;
    if (identity.requestId) claims.request_id = identity.requestId;
    const signingInput = `${this.#signing.header}.${encode(claims)}`;
    return `${signingInput}.${mac(this.#signing, signingInput)}`;
  }

  /** The identity a token carries, if it was signed with a fleet key for `audience` and is current. */
  verify(token: string, audience: string): ServiceIdentity {
    const parts = token.split('.');
    if (parts.length !== 3) throw new ServiceTokenRejected('malformed', 'not a compact JWS');
    const [encodedHeader, encodedClaims, signature] = parts as [string, string, string];
    const header = decode(encodedHeader, 'header');
    if (header.alg !== 'HS256' || header.typ !== TOKEN_TYPE || typeof header.kid !== 'string')
      throw new ServiceTokenRejected('malformed', 'not a service token header');
    const key = this.#byId.get(header.kid);
    if (!key) throw new ServiceTokenRejected('unknown_key', 'signed with a key this service does not hold');
    // Compared as canonical text: a differently encoded copy of the right bytes is refused too.
    const expected = Buffer.from(mac(key, `${encodedHeader}.${encodedClaims}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new ServiceTokenRejected('signature', 'signature does not match');

    const claims = decode(encodedClaims, 'claims');
    const now = Math.floor(this.#now() / 1000);
    const { iat, exp } = claims;
    if (typeof iat !== 'number' || typeof exp !== 'number')
      throw new ServiceTokenRejected('claims', 'iat and exp are required numbers');
    if (now > exp + CLOCK_TOLERANCE_SECONDS) throw new ServiceTokenRejected('expired', 'token expired');
    if (now - iat > MAX_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS)
      throw new ServiceTokenRejected('expired', 'token is too old');
    if (iat > now + CLOCK_TOLERANCE_SECONDS)
      throw new ServiceTokenRejected('claims', 'token issued in the future');
    if (claims.aud !== audience) throw new ServiceTokenRejected('audience', 'token is for another service');
    const text = (name: string): string | undefined => {
      const value = claims[name];
      if (value === undefined) return undefined;
      if (typeof value !== 'string' || value === '')
        throw new ServiceTokenRejected('claims', `claim ${name} must be a non-empty string`);
      return value;
    };
    const caller = text('iss');
    if (!caller) throw new ServiceTokenRejected('claims', 'iss is required');
    return {
      caller,
      tenant: text('tenant'),
      user: text('user'),
      tier: text('tier'),
      keyId: text('key_id'),
      requestId: text('request_id'),
    };
  }
}
