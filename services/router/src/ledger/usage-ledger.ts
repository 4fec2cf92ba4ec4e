/** One finished generation, as the ledger keeps it: who asked, which model, what it cost. */
export interface LedgerEntry {
  /** Unique per generation; appending the same id twice keeps the first. */
  generationId: string;
  tenant: string;
  /** The person or system inside the tenant; '' when unknown. */
  user: string;
  /** The API key (or token subject) it was charged to; '' when unknown. */
  keyId: string;
  /** What the generation was for: answer, summary, suggestion or panel ('answer' before tasks). */
  task: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Answered from the response cache: counted, but usually at no cost. */
  cached: boolean;
  /** RFC 3339 time the generation finished. */
  at: string;
}

export const GROUP_BY = ['model', 'user', 'key', 'day', 'task'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export function isGroupBy(value: string): value is GroupBy {
  return (GROUP_BY as readonly string[]).includes(value);
}

export interface UsageQuery {
  tenant: string;
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  groupBy: GroupBy;
}

export interface UsageGroup {
  key: string;
  generations: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** How many of the generations were answered from the cache. */
  cached: number;
}

/**
 * The cost ledger: every generation once, read back as spend per model, user, key or day.
 * Adapters: a JSON Lines file under DATA_DIR (embedded default) and MongoDB (MONGODB_URI).
 */
export interface UsageLedger {
  open(): Promise<void>;
  /** True when the entry is new; false when its generationId was already there (nothing changes). */
  append(entry: LedgerEntry): Promise<boolean>;
  /** The tenant's groups within [from, to), in the order usageGroups gives them. */
  query(query: UsageQuery): Promise<UsageGroup[]>;
  close(): Promise<void>;
}
