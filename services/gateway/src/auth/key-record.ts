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
  /** Spend limits in USD for this key, set through the router at start (key file entries only). */
  budget?: KeyBudget;
}

/** A key file entry's `budget`: its day and month limits in USD. */
export interface KeyBudget {
  dayUsd?: number;
  monthUsd?: number;
}

/** The largest limit @ragfleet/budgets accepts (MAX_USD): beyond it a limit is a typo. */
const MAX_KEY_BUDGET_USD = 1e9;
const usd = z.number().min(0).max(MAX_KEY_BUDGET_USD).optional();

const keyBudgetSchema = z
  .strictObject({ day_usd: usd, month_usd: usd })
  .refine((budget) => budget.day_usd !== undefined || budget.month_usd !== undefined, {
    message: 'name day_usd, month_usd or both',
  })
  .transform((budget): KeyBudget => ({
    ...(budget.day_usd !== undefined ? { dayUsd: budget.day_usd } : {}),
    ...(budget.month_usd !== undefined ? { monthUsd: budget.month_usd } : {}),
  }));

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
    budget: keyBudgetSchema.optional(),
  })
  .transform((entry): ApiKeyRecord => ({
    id: entry.id,
    hash: entry.hash,
    tenant: entry.tenant,
    user: entry.user ?? entry.id,
    tier: entry.tier,
    scopes: entry.scopes ?? ['*'],
    ...(entry.created_at ? { createdAt: entry.created_at } : {}),
    ...(entry.budget ? { budget: entry.budget } : {}),
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
    ...(record.budget
      ? { budget: { day_usd: record.budget.dayUsd, month_usd: record.budget.monthUsd } }
      : {}),
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
