import type { Redis } from 'ioredis';
import type { Logger } from '@ragfleet/telemetry';
import type { GatewayConfig } from '../config.ts';
import { Authenticator } from './authenticator.ts';
import { KeyDirectory } from './key-directory.ts';
import { loadKeyFile } from './key-file.ts';
import { JwtVerifier } from './jwt-verifier.ts';
import { MemoryKeyStore } from './memory-key-store.ts';
import { RedisKeyStore } from './redis-key-store.ts';

/** Builds the Authenticator from configuration; in development mode it says so, once, loudly. */
export async function createAuthenticator(
  config: GatewayConfig,
  deps: { redis?: Redis; logger: Logger },
): Promise<Authenticator> {
  const { logger, redis } = deps;
  const usesKeys = Boolean(config.GATEWAY_API_KEYS_FILE || config.GATEWAY_ADMIN_TOKEN);
  const fileKeys = config.GATEWAY_API_KEYS_FILE ? await loadKeyFile(config.GATEWAY_API_KEYS_FILE) : [];
  const keys = usesKeys
    ? new KeyDirectory({
        fileKeys,
        store: redis ? new RedisKeyStore(redis, config.GATEWAY_KEYS_PREFIX) : new MemoryKeyStore(),
        cacheMs: config.GATEWAY_KEY_CACHE_MS,
      })
    : undefined;
  const jwtKey = config.GATEWAY_JWT_SECRET ?? config.GATEWAY_JWT_JWKS_URL;
  const jwt = jwtKey
    ? new JwtVerifier({
        secret: config.GATEWAY_JWT_SECRET,
        jwksUrl: config.GATEWAY_JWT_JWKS_URL,
        issuer: config.GATEWAY_JWT_ISSUER,
        audience: config.GATEWAY_JWT_AUDIENCE,
        tenantClaim: config.GATEWAY_JWT_TENANT_CLAIM,
        tierClaim: config.GATEWAY_JWT_TIER_CLAIM,
        defaultTier: config.GATEWAY_JWT_DEFAULT_TIER,
      })
    : undefined;
  const authenticator = new Authenticator({
    keys,
    jwt,
    adminToken: config.GATEWAY_ADMIN_TOKEN,
    anonymousTier: config.GATEWAY_ANONYMOUS_TIER,
  });
  if (authenticator.required) {
    logger.info(
      {
        apiKeysFromFile: fileKeys.length,
        jwt: config.GATEWAY_JWT_SECRET ? 'HS256' : config.GATEWAY_JWT_JWKS_URL ? 'JWKS' : 'off',
        adminApi: config.GATEWAY_ADMIN_TOKEN !== undefined,
        createdKeysIn: redis ? 'redis' : 'memory',
      },
      'authentication on: every /v1 request needs an API key or a token',
    );
  } else {
    logger.warn(
      'authentication OFF (development mode): no GATEWAY_API_KEYS_FILE, GATEWAY_JWT_SECRET, ' +
        'GATEWAY_JWT_JWKS_URL or GATEWAY_ADMIN_TOKEN is set, so every caller is anonymous and ' +
        'X-Tenant-Id (default "default") picks the tenant. Never expose this gateway.',
    );
  }
  return authenticator;
}
