import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Lifecycle } from '@ragfleet/lifecycle';
import type { Logger } from '@ragfleet/telemetry';
import type { GatewayConfig } from '../config.ts';
import { Authenticator } from './authenticator.ts';
import { FileKeyStore } from './file-key-store.ts';
import { KeyDirectory } from './key-directory.ts';
import { loadKeyFile } from './key-file.ts';
import type { ApiKeyStore } from './key-record.ts';
import { LocalRevocationChannel, type RevocationChannel } from './key-revocations.ts';
import { JwtVerifier } from './jwt-verifier.ts';
import { RedisKeyStore } from './redis-key-store.ts';
import { RedisRevocationChannel } from './redis-revocation-channel.ts';

interface KeyBackend {
  store: ApiKeyStore;
  revocations: RevocationChannel;
  where: string;
}

/**
 * Where admin-created keys live: Redis, shared by every replica, with revocations announced over
 * pub/sub; without Redis, a file under the data directory, so keys survive a restart of the one
 * replica there can then be.
 */
async function keyBackend(
  config: GatewayConfig,
  deps: { redis?: Redis | undefined; logger: Logger; lifecycle: Lifecycle },
): Promise<KeyBackend> {
  if (deps.redis) {
    const channel = new RedisRevocationChannel(
      deps.redis,
      `${config.GATEWAY_KEYS_PREFIX}revoked`,
      deps.logger,
    );
    deps.lifecycle.onShutdown('key revocation channel', () => channel.close());
    return {
      store: new RedisKeyStore(deps.redis, config.GATEWAY_KEYS_PREFIX),
      revocations: channel,
      where: 'redis',
    };
  }
  const path = join(config.DATA_DIR, 'gateway', 'api-keys.json');
  return { store: await FileKeyStore.open(path), revocations: new LocalRevocationChannel(), where: path };
}

/** Builds the Authenticator from configuration; in development mode it says so, once, loudly. */
export async function createAuthenticator(
  config: GatewayConfig,
  deps: { redis?: Redis | undefined; logger: Logger; lifecycle: Lifecycle },
): Promise<Authenticator> {
  const { logger, redis } = deps;
  const usesKeys = Boolean(config.GATEWAY_API_KEYS_FILE || config.GATEWAY_ADMIN_TOKEN);
  const fileKeys = config.GATEWAY_API_KEYS_FILE ? await loadKeyFile(config.GATEWAY_API_KEYS_FILE) : [];
  const backend = usesKeys ? await keyBackend(config, deps) : undefined;
  const keys = backend
    ? new KeyDirectory({
        fileKeys,
        store: backend.store,
        revocations: backend.revocations,
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
        maxLifetimeSeconds: config.GATEWAY_JWT_MAX_LIFETIME_SECONDS,
        allowAdmin: config.GATEWAY_JWT_ADMIN,
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
        createdKeysIn: backend?.where ?? 'nowhere (no admin token)',
      },
      'authentication on: every /v1 request needs an API key or a token',
    );
    if (backend && !redis) {
      logger.warn(
        `admin-created API keys are kept in ${backend.where}: one gateway replica only; ` +
          'several replicas need REDIS_URL to share keys, limits and revocations',
      );
    }
  } else {
    logger.warn(
      'authentication OFF (development mode): no GATEWAY_API_KEYS_FILE, GATEWAY_JWT_SECRET, ' +
        'GATEWAY_JWT_JWKS_URL or GATEWAY_ADMIN_TOKEN is set, so every caller is anonymous and ' +
        'X-Tenant-Id (default "default") picks the tenant. Never expose this gateway.',
    );
  }
  return authenticator;
}
