/**
 * The port every budget adapter implements. Budgets are limits in USD on what a tenant (and,
 * inside it, one API key or one user) may spend per UTC day and per UTC month. A generation first
 * reserves its estimated cost against every budget that applies, then settles at its real cost.
 * Amounts cross this port in USD; adapters keep integer micro-dollars so that sums never drift.
 */

export const BUDGET_PERIODS = ['day', 'month'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

export const SCOPE_KINDS = ['tenant', 'key', 'user'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** Whose spend a budget limits: the tenant itself, or one API key or one user of that tenant. */
export interface BudgetScope {
  tenant: string;
  kind: ScopeKind;
  /** The key's or user's id; absent for the tenant scope. */
  id?: string;
}

export interface BudgetDefinition {
  scope: BudgetScope;
  period: BudgetPeriod;
  limitUsd: number;
}

export interface ReserveRequest {
  /**
   * The generation id: with the tenant it names the reservation for settle, and makes a retried
   * reserve a no-op.
   */
  id: string;
  tenant: string;
  /** The API key the request came with, when key budgets should apply. */
  key?: string;
  /** The end user, when user budgets should apply. */
  user?: string;
  /** The estimated cost: held against every applicable budget until settled or expired. */
  amountUsd: number;
  /** After this long an unsettled reservation stops counting (its process is presumed dead). */
  ttlMs: number;
}

/** A budget passed 80 % or 100 % of its limit (spent plus reserved), reported once per period. */
export interface ThresholdCrossing {
  scope: BudgetScope;
  period: BudgetPeriod;
  threshold: 80 | 100;
  limitUsd: number;
  usedUsd: number;
  resetAt: number;
}

/** The budget that had no room, with its figures at the moment of the refusal. */
export interface BudgetExceeded {
  scope: BudgetScope;
  period: BudgetPeriod;
  limitUsd: number;
  spentUsd: number;
  reservedUsd: number;
  /** Epoch ms of the next UTC day or month boundary, when this budget starts again from zero. */
  resetAt: number;
}

export type ReserveResult =
  | {
      status: 'granted';
      /** True when this id was already reserved: nothing was charged a second time. */
      replayed: boolean;
      expiresAt: number;
      crossed: ThresholdCrossing[];
    }
  | { status: 'exceeded'; exceeded: BudgetExceeded };

export interface SettleResult {
  /** `already-settled`: this id was settled before; nothing changed (settle is idempotent). */
  status: 'settled' | 'already-settled';
  /** The reservation had expired before this settle; the spend was recorded all the same. */
  expired: boolean;
  crossed: ThresholdCrossing[];
}

/** One budget's state in the current period; limitUsd and remainingUsd are null when none is set. */
export interface BudgetStatus {
  scope: BudgetScope;
  period: BudgetPeriod;
  limitUsd: number | null;
  spentUsd: number;
  reservedUsd: number;
  remainingUsd: number | null;
  resetAt: number;
}

export interface BudgetStore {
  /** Creates or replaces the limit of one scope and period. */
  setBudget(definition: BudgetDefinition): Promise<BudgetDefinition>;
  getBudget(scope: BudgetScope, period: BudgetPeriod): Promise<BudgetDefinition | undefined>;
  /** Every budget of one tenant: its own and its keys' and users'. */
  listBudgets(tenant: string): Promise<BudgetDefinition[]>;
  /** True when there was a budget to delete. Spend already counted stays counted. */
  deleteBudget(scope: BudgetScope, period: BudgetPeriod): Promise<boolean>;
  /**
   * Atomically, across every applicable scope and period: either each budget has room for the
   * amount and all are charged as reserved, or none is charged and the answer names the budget
   * that had no room. Spend is counted for scopes without a budget too, so that a budget set
   * mid-period sees what was already spent.
   */
  reserve(request: ReserveRequest): Promise<ReserveResult>;
  /**
   * Replaces the reservation by the actual spend, counted in the current period, and releases the
   * rest. Idempotent by id; after the reservation's expiry it still records the spend. An id never
   * reserved (or forgotten after the retention) is NOT_FOUND. A reservation belongs to its tenant:
   * the same id in another tenant names another reservation, so no caller can settle (or learn
   * of) a reservation of a tenant it does not speak for.
   */
  settle(tenant: string, id: string, actualUsd: number): Promise<SettleResult>;
  /** The day and month state of one scope, for a remaining-budget metric. */
  remaining(scope: BudgetScope): Promise<BudgetStatus[]>;
  close(): Promise<void>;
}

export interface BudgetStoreOptions {
  /** The clock, epoch ms; tests inject one to cross day and month boundaries. */
  now?: () => number;
  /** How long a reservation is remembered (for late settles and idempotence); default 7 days. */
  recordRetentionMs?: number;
  /** How long a period's counters outlive the period's end; default 7 days. */
  usageRetentionMs?: number;
}

export const DEFAULT_RETENTION_MS = 7 * 24 * 3600_000;
