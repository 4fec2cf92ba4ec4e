import { z } from 'zod';
import { env } from '@ragfleet/config';
import { DEFAULT_TIER, TIERS } from './identity.ts';

/** Gateway variables for identity; spread into the gateway's config schema. */
export const authConfigFields = {
  /** JSON/YAML file of hashed API keys (see key-file.ts); setting it turns authentication on. */
  GATEWAY_API_KEYS_FILE: env.optionalString(),
  /** Secret for /v1/admin/keys (Bearer or X-API-Key); setting it turns authentication on. */
  GATEWAY_ADMIN_TOKEN: env.optionalString().pipe(z.string().min(16, 'use at least 16 characters').optional()),
  /** HS256 secret for JWTs (at least 32 characters: 256 bits). */
  GATEWAY_JWT_SECRET: env.optionalString().pipe(z.string().min(32, 'use at least 32 characters').optional()),
  /** JWKS URL for asymmetric JWTs (RS256, ES256, EdDSA...). */
  GATEWAY_JWT_JWKS_URL: env.optionalUrl(),
  GATEWAY_JWT_ISSUER: env.optionalString(),
  GATEWAY_JWT_AUDIENCE: env.optionalString(),
  GATEWAY_JWT_TENANT_CLAIM: z.string().min(1).default('tenant'),
  GATEWAY_JWT_TIER_CLAIM: z.string().min(1).default('tier'),
  GATEWAY_JWT_DEFAULT_TIER: z.enum(TIERS).default(DEFAULT_TIER),
  /** Longest token lifetime accepted (`exp` minus `iat`); every token must carry `exp`. */
  GATEWAY_JWT_MAX_LIFETIME_SECONDS: env.positiveInt(86_400),
  /** Whether a token's `admin` scope opens administration (off: only the admin token and admin keys). */
  GATEWAY_JWT_ADMIN: env.boolean(false),
  /** Refuse to start without a key source, so a deployment can never run open by mistake. */
  GATEWAY_AUTH_REQUIRED: env.boolean(false),
  /**
   * Tier of anonymous callers in development mode (no key source configured), also the ceiling
   * of the `tier` they ask for: `premium` to try the dearer model chains.
   */
  GATEWAY_ANONYMOUS_TIER: z.enum(TIERS).default(DEFAULT_TIER),
  /** Redis key prefix of admin-created API keys. */
  GATEWAY_KEYS_PREFIX: z.string().min(1).default('ragfleet:gateway:keys:'),
  /**
   * How long an API key lookup in Redis is reused: the most a revocation can be late on another
   * replica should its pub/sub announcement be lost (normally it arrives at once).
   */
  GATEWAY_KEY_CACHE_MS: env.nonNegativeInt(5_000),
};

interface AuthSources {
  GATEWAY_API_KEYS_FILE?: string | undefined;
  GATEWAY_ADMIN_TOKEN?: string | undefined;
  GATEWAY_JWT_SECRET?: string | undefined;
  GATEWAY_JWT_JWKS_URL?: string | undefined;
  GATEWAY_AUTH_REQUIRED: boolean;
}

export function hasAuthSource(config: AuthSources): boolean {
  return Boolean(
    config.GATEWAY_API_KEYS_FILE ||
    config.GATEWAY_ADMIN_TOKEN ||
    config.GATEWAY_JWT_SECRET ||
    config.GATEWAY_JWT_JWKS_URL,
  );
}

/** Cross-field rules, for the schema's superRefine. */
export function checkAuthSources(config: AuthSources, context: z.RefinementCtx): void {
  if (config.GATEWAY_JWT_SECRET && config.GATEWAY_JWT_JWKS_URL) {
    context.addIssue({
      code: 'custom',
      path: ['GATEWAY_JWT_JWKS_URL'],
      message: 'set GATEWAY_JWT_SECRET or GATEWAY_JWT_JWKS_URL, not both',
    });
  }
  if (config.GATEWAY_AUTH_REQUIRED && !hasAuthSource(config)) {
    context.addIssue({
      code: 'custom',
      path: ['GATEWAY_AUTH_REQUIRED'],
      message:
        'is true but no GATEWAY_API_KEYS_FILE, GATEWAY_JWT_SECRET, GATEWAY_JWT_JWKS_URL or GATEWAY_ADMIN_TOKEN is set',
    });
  }
}
