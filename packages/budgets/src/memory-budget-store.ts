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
  type BudgetExceeded,
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
import { crossedThresholds, thresholdLevel } from './thresholds.ts';

interface Counters {
  spent: number;
  reserved: number;
  /** The highest threshold already reported this period. */
  alerted: number;
  /** Live reservations: id → amount and expiry. */
  held: Map<string, { amount: number; expiresAt: number }>;
  forgetAt: number;
}

interface Reservation {
  tenant: string;
  amount: number;
  expiresAt: number;
  scopes: BudgetScope[];
  /** The counters (tenant + bucket name) the amount was reserved in. */
  heldIn: string[];
  fingerprint: string;
  settled: boolean;
  forgetAt: number;
}

/** How often stale counters and reservations are swept from memory. */
const SWEEP_EVERY_MS = 60_000;

const countersName = (tenant: string, bucket: Bucket) => `${tenant}\n${bucket.name}`;

/**
 * Budgets in process memory, for a single replica and for tests. Each method does its checks and
 * writes without awaiting in between, so it is as atomic within the process as a Lua script is in
 * Redis. Same semantics as RedisBudgetStore; the contract suite holds both to them.
 */
export class MemoryBudgetStore implements BudgetStore {
  readonly #now: () => number;
  readonly #recordRetentionMs: number;
  readonly #usageRetentionMs: number;
  readonly #definitions = new Map<string, Map<string, number>>();
  readonly #counters = new Map<string, Counters>();
  readonly #reservations = new Map<string, Reservation>();
  #nextSweepAt = 0;

  constructor(options: BudgetStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#recordRetentionMs = options.recordRetentionMs ?? DEFAULT_RETENTION_MS;
    this.#usageRetentionMs = options.usageRetentionMs ?? DEFAULT_RETENTION_MS;
  }

  async setBudget(input: BudgetDefinition): Promise<BudgetDefinition> {
    const { definition, limitMicros } = checkedDefinition(input);
    const tenant = definition.scope.tenant;
    const fields = this.#definitions.get(tenant) ?? new Map<string, number>();
    fields.set(definitionField(definition.scope, definition.period), limitMicros);
    this.#definitions.set(tenant, fields);
    return definition;
  }

  async getBudget(scopeInput: BudgetScope, period: BudgetPeriod): Promise<BudgetDefinition | undefined> {
    const scope = checkedScopeAndPeriod(scopeInput, period);
    const limit = this.#definitions.get(scope.tenant)?.get(definitionField(scope, period));
    return limit === undefined ? undefined : { scope, period, limitUsd: toUsd(limit) };
  }

  async listBudgets(tenantInput: string): Promise<BudgetDefinition[]> {
    const tenant = checkedTenant(tenantInput);
    const definitions: BudgetDefinition[] = [];
    for (const [field, limit] of this.#definitions.get(tenant) ?? []) {
      const parsed = parseDefinitionField(tenant, field);
      if (parsed) definitions.push({ ...parsed, limitUsd: toUsd(limit) });
    }
    return definitions;
  }

  async deleteBudget(scopeInput: BudgetScope, period: BudgetPeriod): Promise<boolean> {
    const scope = checkedScopeAndPeriod(scopeInput, period);
    return this.#definitions.get(scope.tenant)?.delete(definitionField(scope, period)) ?? false;
  }

  async reserve(request: ReserveRequest): Promise<ReserveResult> {
    const { id, scopes, amountMicros, ttlMs } = checkedReserve(request);
    const now = this.#now();
    this.#sweep(now);
    const fingerprint = `${amountMicros}|${JSON.stringify(scopes)}`;
    const existing = this.#reservation(request.tenant, id, now);
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw reservationIdReused();
      return { status: 'granted', replayed: true, expiresAt: existing.expiresAt, crossed: [] };
    }
    const tenant = request.tenant;
    const buckets = bucketsFor(scopes, now, this.#usageRetentionMs);
    const limits = this.#definitions.get(tenant);
    const exceeded: BudgetExceeded[] = [];
    for (const bucket of buckets) {
      const counters = this.#countersOf(tenant, bucket, now);
      const limit = limits?.get(bucket.definitionField);
      if (limit !== undefined && counters.spent + counters.reserved + amountMicros > limit) {
        exceeded.push({
          scope: bucket.scope,
          period: bucket.period,
          limitUsd: toUsd(limit),
          spentUsd: toUsd(counters.spent),
          reservedUsd: toUsd(counters.reserved),
          resetAt: bucket.resetAt,
        });
      }
    }
    const binding = bindingExceeded(exceeded);
    if (binding) return { status: 'exceeded', exceeded: binding };

    const expiresAt = now + ttlMs;
    const crossed: ThresholdCrossing[] = [];
    for (const bucket of buckets) {
      const counters = this.#countersOf(tenant, bucket, now);
      counters.reserved += amountMicros;
      counters.held.set(id, { amount: amountMicros, expiresAt });
      crossed.push(...this.#crossings(counters, bucket, limits?.get(bucket.definitionField)));
    }
    this.#reservations.set(reservationName(tenant, id), {
      tenant,
      amount: amountMicros,
      expiresAt,
      scopes,
      heldIn: buckets.map((bucket) => countersName(tenant, bucket)),
      fingerprint,
      settled: false,
      forgetAt: now + this.#recordRetentionMs,
    });
    return { status: 'granted', replayed: false, expiresAt, crossed };
  }

  async settle(tenantInput: string, idInput: string, actualUsd: number): Promise<SettleResult> {
    const { tenant, id, actualMicros } = checkedSettle(tenantInput, idInput, actualUsd);
    const now = this.#now();
    const reservation = this.#reservation(tenant, id, now);
    if (!reservation) throw reservationNotFound(id);
    const expired = reservation.expiresAt <= now;
    if (reservation.settled) return { status: 'already-settled', expired, crossed: [] };

    // Release the amount wherever it is still held (an expired one was already purged there).
    for (const name of reservation.heldIn) {
      const counters = this.#counters.get(name);
      if (counters?.held.delete(id)) counters.reserved -= reservation.amount;
    }
    // The spend counts in the period the cost became known, as the ledger records it.
    const limits = this.#definitions.get(reservation.tenant);
    const crossed: ThresholdCrossing[] = [];
    for (const bucket of bucketsFor(reservation.scopes, now, this.#usageRetentionMs)) {
      const counters = this.#countersOf(reservation.tenant, bucket, now);
      counters.spent += actualMicros;
      crossed.push(...this.#crossings(counters, bucket, limits?.get(bucket.definitionField)));
    }
    reservation.settled = true;
    reservation.forgetAt = now + this.#recordRetentionMs;
    return { status: 'settled', expired, crossed };
  }

  async remaining(scopeInput: BudgetScope): Promise<BudgetStatus[]> {
    const scope = checkedScope(scopeInput);
    const now = this.#now();
    const limits = this.#definitions.get(scope.tenant);
    return bucketsFor([scope], now, this.#usageRetentionMs).map((bucket) => {
      const counters = this.#countersOf(scope.tenant, bucket, now);
      const limit = limits?.get(bucket.definitionField);
      return {
        scope,
        period: bucket.period,
        limitUsd: limit === undefined ? null : toUsd(limit),
        spentUsd: toUsd(counters.spent),
        reservedUsd: toUsd(counters.reserved),
        remainingUsd:
          limit === undefined ? null : toUsd(Math.max(0, limit - counters.spent - counters.reserved)),
        resetAt: bucket.resetAt,
      };
    });
  }

  async close(): Promise<void> {}

  /** The bucket's counters with its expired reservations no longer counted. */
  #countersOf(tenant: string, bucket: Bucket, now: number): Counters {
    const name = countersName(tenant, bucket);
    let counters = this.#counters.get(name);
    if (!counters) {
      counters = { spent: 0, reserved: 0, alerted: 0, held: new Map(), forgetAt: bucket.forgetAt };
      this.#counters.set(name, counters);
    }
    for (const [id, hold] of counters.held) {
      if (hold.expiresAt <= now) {
        counters.held.delete(id);
        counters.reserved -= hold.amount;
      }
    }
    return counters;
  }

  #crossings(counters: Counters, bucket: Bucket, limit: number | undefined): ThresholdCrossing[] {
    if (limit === undefined) return [];
    const used = counters.spent + counters.reserved;
    const level = thresholdLevel(used, limit);
    const crossed = crossedThresholds(counters.alerted, level);
    if (level > counters.alerted) counters.alerted = level;
    return crossed.map((threshold) => ({
      scope: bucket.scope,
      period: bucket.period,
      threshold,
      limitUsd: toUsd(limit),
      usedUsd: toUsd(used),
      resetAt: bucket.resetAt,
    }));
  }

  #reservation(tenant: string, id: string, now: number): Reservation | undefined {
    const reservation = this.#reservations.get(reservationName(tenant, id));
    return reservation && reservation.forgetAt > now ? reservation : undefined;
  }

  #sweep(now: number): void {
    if (now < this.#nextSweepAt) return;
    this.#nextSweepAt = now + SWEEP_EVERY_MS;
    for (const [name, counters] of this.#counters) if (counters.forgetAt <= now) this.#counters.delete(name);
    for (const [name, reservation] of this.#reservations)
      if (reservation.forgetAt <= now) this.#reservations.delete(name);
  }
}

/** Ids are per tenant; neither may contain `|` (budget-inputs.ts), so the name cannot alias. */
function reservationName(tenant: string, id: string): string {
  return `${tenant}|${id}`;
}
