import { z } from 'zod';
import { isApiKeyHash } from './api-keys.ts';
import { IDENTIFIER, SCOPES, TENANT_ID, TIERS, type Scope, type Tier } from './identity.ts';

/** One API key as stored: never the key itself, only its hash. */
export interface ApiKeyRecord {
  id: string;
  hash: string;
  tenant: string;
  user: string;
  tier: Tier;
  scopes: readonly Scope[];
  createdAt?: string;
}

/** Where keys created through the admin API live (Redis when configured, else process memory). */
export interface ApiKeyStore {
  findByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  findById(id: string): Promise<ApiKeyRecord | undefined>;
  save(record: ApiKeyRecord): Promise<void>;
  /** True when a key with this id existed. */
  revoke(id: string): Promise<boolean>;
}

export const apiKeyRecordSchema = z
  .strictObject({
    id: z.string().regex(IDENTIFIER, 'letters, digits and ._@:- only (1-128)'),
    hash: z.string().refine(isApiKeyHash, 'expected sha256:<64 hex digits> (see hash-api-key)'),
    tenant: z.string().regex(TENANT_ID, 'letters, digits, _ and - only (1-64)'),
    user: z.string().regex(IDENTIFIER, 'letters, digits and ._@:- only (1-128)').optional(),
    tier: z.enum(TIERS).default('free'),
    scopes: z.array(z.enum(SCOPES)).min(1).optional(),
    created_at: z.string().optional(),
  })
  .transform((entry): ApiKeyRecord => ({
    id: entry.id,
    hash: entry.hash,
    tenant: entry.tenant,
    user: entry.user ?? entry.id,
    tier: entry.tier,
    scopes: entry.scopes ?? ['*'],
    ...(entry.created_at ? { createdAt: entry.created_at } : {}),
  }));

/** The stored (snake_case) form, as in the key file. */
export function recordToStored(record: ApiKeyRecord): Record<string, unknown> {
  return {
    id: record.id,
    hash: record.hash,
    tenant: record.tenant,
    user: record.user,
    tier: record.tier,
    scopes: [...record.scopes],
    ...(record.createdAt ? { created_at: record.createdAt } : {}),
  };
}

/** Public view of a key for the admin API: everything but the hash. */
export function recordJson(record: ApiKeyRecord) {
  return {
    id: record.id,
    tenant: record.tenant,
    user: record.user,
    tier: record.tier,
    scopes: [...record.scopes],
    created_at: record.createdAt ?? null,
  };
}
