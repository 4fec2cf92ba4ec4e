import type { GroupBy, LedgerEntry, UsageGroup, UsageQuery } from './usage-ledger.ts';

/** The group an entry falls in: `provider/model`, the user, the key, its UTC day (YYYY-MM-DD) or task. */
export function groupKey(entry: LedgerEntry, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'model':
      return `${entry.provider}/${entry.model}`;
    case 'user':
      return entry.user;
    case 'key':
      return entry.keyId;
    case 'day':
      return new Date(entry.at).toISOString().slice(0, 10);
    case 'task':
      return entry.task;
  }
}

/** Whether an entry belongs to a query: the tenant's, finished within [from, to). */
export function matches(entry: LedgerEntry, query: UsageQuery): boolean {
  if (entry.tenant !== query.tenant) return false;
  const at = Date.parse(entry.at);
  return at >= query.from.getTime() && at < query.to.getTime();
}

/**
 * Folds entries into groups, shared by every adapter so that they all answer alike. Days come in
 * calendar order; the other groupings dearest first (then by key), which is what a spend report
 * reads first.
 */
export function usageGroups(entries: Iterable<LedgerEntry>, groupBy: GroupBy): UsageGroup[] {
  const groups = new Map<string, UsageGroup>();
  for (const entry of entries) {
    const key = groupKey(entry, groupBy);
    let group = groups.get(key);
    if (!group) {
      group = { key, generations: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, cached: 0 };
      groups.set(key, group);
    }
    group.generations += 1;
    group.inputTokens += entry.inputTokens;
    group.outputTokens += entry.outputTokens;
    group.costUsd += entry.costUsd;
    if (entry.cached) group.cached += 1;
  }
  const list = [...groups.values()];
  if (groupBy === 'day') return list.sort((a, b) => a.key.localeCompare(b.key));
  return list.sort((a, b) => b.costUsd - a.costUsd || a.key.localeCompare(b.key));
}
