import type { Redis } from 'ioredis';
import {
  bindingExceeded,
  bucketsFor,
  definitionField,
  parseDefinitionField,
  type Bucket,
} from './buckets.ts';
import { reservationIdReused, reservationNotFound } from './budget-errors.ts';
import {
  checkedDefinition,
  checkedReserve,
  checkedScope,
  checkedScopeAndPeriod,
  checkedSettle,
  checkedTenant,
} from './budget-inputs.ts';
import {
  DEFAULT_RETENTION_MS,
  type BudgetDefinition,
  type BudgetPeriod,
  type BudgetScope,
  type BudgetStatus,
  type BudgetStore,
  type BudgetStoreOptions,
  type ReserveRequest,
  type ReserveResult,
  type SettleResult,
  type ThresholdCrossing,
} from './budget-store.ts';
import { toUsd } from './money.ts';
import { runScript } from '@ragfleet/redis-scripts';
import { READ, RESERVE, SETTLE } from './redis-budget-scripts.ts';

export interface RedisBudgetStoreOptions extends BudgetStoreOptions {
  /** Every key starts with it (e.g. `ragfleet:budgets:`), so tests and deployments share a Redis. */
  keyPrefix: string;
}

type Reply = (string | number)[];

/**
 * Budgets in Redis, shared by every replica. Definitions are one hash per tenant; each bucket (a
 * scope in a period) is a counters hash and a sorted set of live reservations; each reservation
 * is a hash kept for the record retention, which makes settle idempotent and lets a late settle
 * find where the amount was held. Reserve and settle are one Lua script each (redis-budget-scripts.ts).
 *
 * The scripts touch keys of several scopes of one tenant: on Redis Cluster, give the prefix a
 * hash tag (`{ragfleet:budgets}:`) so that every key lands in one slot.
 */
export class RedisBudgetStore implements BudgetStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #now: () => number;
  readonly #recordRetentionMs: number;
  readonly #usageRetentionMs: number;

  constructor(redis: Redis, options: RedisBudgetStoreOptions) {
    this.#redis = redis;
    this.#prefix = options.keyPrefix;
    this.#now = options.now ?? Date.now;
    this.#recordRetentionMs = options.recordRetentionMs ?? DEFAULT_RETENTION_MS;
    this.#usageRetentionMs = options.usageRetentionMs ?? DEFAULT_RETENTION_MS;
  }

  async setBudget(input: BudgetDefinition): Promise<BudgetDefinition> {
    const { definition, limitMicros } = checkedDefinition(input);
    const field = definitionField(definition.scope, definition.period);
    await this.#redis.hset(this.#definitionsKey(definition.scope.tenant), field, limitMicros);
    return definition;
  }

  async getBudget(scopeInput: BudgetScope, period: BudgetPeriod): Promise<BudgetDefinition | undefined> {
    const scope = checkedScopeAndPeriod(scopeInput, period);
    const limit = await this.#redis.hget(this.#definitionsKey(scope.tenant), definitionField(scope, period));
    return limit === null ? undefined : { scope, period, limitUsd: toUsd(Number(limit)) };
  }

  async listBudgets(tenantInput: string): Promise<BudgetDefinition[]> {
    const tenant = checkedTenant(tenantInput);
    const fields = await this.#redis.hgetall(this.#definitionsKey(tenant));
    const definitions: BudgetDefinition[] = [];
    for (const [field, limit] of Object.entries(fields)) {
      const parsed = parseDefinitionField(tenant, field);
      if (parsed) definitions.push({ ...parsed, limitUsd: toUsd(Number(limit)) });
    }
    return definitions;
  }

  async deleteBudget(scopeInput: BudgetScope, period: BudgetPeriod): Promise<boolean> {
    const scope = checkedScopeAndPeriod(scopeInput, period);
    const removed = await this.#redis.hdel(
      this.#definitionsKey(scope.tenant),
      definitionField(scope, period),
    );
    return removed > 0;
  }

  async reserve(request: ReserveRequest): Promise<ReserveResult> {
    const { id, scopes, amountMicros, ttlMs } = checkedReserve(request);
    const now = this.#now();
    const tenant = request.tenant;
    const buckets = bucketsFor(scopes, now, this.#usageRetentionMs);
    const fingerprint = `${amountMicros}|${JSON.stringify(scopes)}`;
    const expiresAt = now + ttlMs;
    const reply = (await runScript(
      this.#redis,
      RESERVE,
      [this.#definitionsKey(tenant), this.#reservationKey(tenant, id), ...this.#bucketKeys(tenant, buckets)],
      [
        now,
        id,
        amountMicros,
        expiresAt,
        this.#recordRetentionMs,
        fingerprint,
        tenant,
        JSON.stringify(scopes),
        buckets.map((bucket) => bucket.name).join('\n'),
        buckets.length,
        ...buckets.flatMap((bucket) => [bucket.definitionField, bucket.forgetAt - now]),
      ],
    )) as Reply;

    if (reply[0] === 'replay') {
      if (reply[1] !== fingerprint) throw reservationIdReused();
      return { status: 'granted', replayed: true, expiresAt: Number(reply[2]), crossed: [] };
    }
    if (reply[0] === 'exceeded') {
      const exceeded = groups(reply.slice(1), 4).map(([index, limit, spent, reserved]) => {
        const bucket = buckets[Number(index) - 1] as Bucket;
        return {
          scope: bucket.scope,
          period: bucket.period,
          limitUsd: toUsd(Number(limit)),
          spentUsd: toUsd(Number(spent)),
          reservedUsd: toUsd(Number(reserved)),
          resetAt: bucket.resetAt,
        };
      });
      return { status: 'exceeded', exceeded: bindingExceeded(exceeded)! };
    }
    return { status: 'granted', replayed: false, expiresAt, crossed: crossingsFrom(reply.slice(1), buckets) };
  }

  async settle(tenantInput: string, idInput: string, actualUsd: number): Promise<SettleResult> {
    const { tenant, id, actualMicros } = checkedSettle(tenantInput, idInput, actualUsd);
    const reservationKey = this.#reservationKey(tenant, id);
    // What a reservation names (tenant, scopes, buckets) never changes once written, so reading
    // it before the script is safe; the script itself decides, atomically, whether to settle.
    const [scopesJson, bucketNames] = await this.#redis.hmget(reservationKey, 'scopes', 'buckets');
    if (!scopesJson || !bucketNames) throw reservationNotFound(id);
    const scopes = JSON.parse(scopesJson) as BudgetScope[];
    const now = this.#now();
    const current = bucketsFor(scopes, now, this.#usageRetentionMs);
    const heldKeys = bucketNames.split('\n').flatMap((name) => this.#bucketKeyPair(tenant, name));
    const reply = (await runScript(
      this.#redis,
      SETTLE,
      [this.#definitionsKey(tenant), reservationKey, ...heldKeys, ...this.#bucketKeys(tenant, current)],
      [
        now,
        id,
        actualMicros,
        this.#recordRetentionMs,
        heldKeys.length / 2,
        current.length,
        ...current.flatMap((bucket) => [bucket.definitionField, bucket.forgetAt - now]),
      ],
    )) as Reply;

    if (reply[0] === 'unknown') throw reservationNotFound(id);
    const expired = Number(reply[1]) === 1;
    if (reply[0] === 'already') return { status: 'already-settled', expired, crossed: [] };
    return { status: 'settled', expired, crossed: crossingsFrom(reply.slice(2), current) };
  }

  async remaining(scopeInput: BudgetScope): Promise<BudgetStatus[]> {
    const scope = checkedScope(scopeInput);
    const now = this.#now();
    const buckets = bucketsFor([scope], now, this.#usageRetentionMs);
    const reply = (await runScript(
      this.#redis,
      READ,
      [this.#definitionsKey(scope.tenant), ...this.#bucketKeys(scope.tenant, buckets)],
      [now, buckets.length, ...buckets.map((bucket) => bucket.definitionField)],
    )) as Reply;
    return groups(reply, 3).map(([limit, spent, reserved], index) => {
      const bucket = buckets[index] as Bucket;
      const limitMicros = Number(limit);
      const used = Number(spent) + Number(reserved);
      return {
        scope,
        period: bucket.period,
        limitUsd: limitMicros < 0 ? null : toUsd(limitMicros),
        spentUsd: toUsd(Number(spent)),
        reservedUsd: toUsd(Number(reserved)),
        remainingUsd: limitMicros < 0 ? null : toUsd(Math.max(0, limitMicros - used)),
        resetAt: bucket.resetAt,
      };
    });
  }

  /** The Redis client belongs to the caller, who closes it. */
  async close(): Promise<void> {}

  #definitionsKey(tenant: string): string {
    return `${this.#prefix}definitions:${tenant}`;
  }

  /** Per tenant; neither part may contain `|` (budget-inputs.ts), so keys cannot alias. */
  #reservationKey(tenant: string, id: string): string {
    return `${this.#prefix}reservation:${tenant}|${id}`;
  }

  #bucketKeyPair(tenant: string, bucketName: string): [usage: string, held: string] {
    return [`${this.#prefix}usage:${tenant}:${bucketName}`, `${this.#prefix}held:${tenant}:${bucketName}`];
  }

  #bucketKeys(tenant: string, buckets: Bucket[]): string[] {
    return buckets.flatMap((bucket) => this.#bucketKeyPair(tenant, bucket.name));
  }
}

/** A flat script reply cut into tuples of `size`. */
function groups(values: Reply, size: number): Reply[] {
  const out: Reply[] = [];
  for (let start = 0; start + size <= values.length; start += size)
    out.push(values.slice(start, start + size));
  return out;
}

function crossingsFrom(values: Reply, buckets: Bucket[]): ThresholdCrossing[] {
  return groups(values, 4).map(([index, threshold, limit, used]) => {
    const bucket = buckets[Number(index) - 1] as Bucket;
    return {
      scope: bucket.scope,
      period: bucket.period,
      threshold: Number(threshold) as 80 | 100,
      limitUsd: toUsd(Number(limit)),
      usedUsd: toUsd(Number(used)),
      resetAt: bucket.resetAt,
    };
  });
}
