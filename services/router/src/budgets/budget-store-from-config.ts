import { once } from 'node:events';
import { Redis } from 'ioredis';
import { MemoryBudgetStore, RedisBudgetStore, type BudgetStore } from '@ragfleet/budgets';
import type { BudgetConfig } from './budget-config.ts';

/**
 * RedisBudgetStore when REDIS_URL is set (every replica shares the budgets), MemoryBudgetStore
 * otherwise: the router is the one owner of budgets, so with `npm start`'s single router the
 * in-memory store is consistent (and lost on restart). Commands fail fast while Redis is away
 * (no offline queue): a Reserve then fails with SERVICE_UNAVAILABLE rather than waiting.
 */
export async function budgetStoreFromConfig(
  config: BudgetConfig,
): Promise<{ store: BudgetStore; kind: 'redis' | 'memory'; close(): Promise<void> }> {
  if (!config.REDIS_URL) {
    const store = new MemoryBudgetStore();
    return { store, kind: 'memory', close: () => store.close() };
  }
  const redis = new Redis(config.REDIS_URL, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  redis.on('error', () => {}); // each failed command is reported where it fails
  await once(redis, 'ready', { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
  const store = new RedisBudgetStore(redis, { keyPrefix: config.BUDGET_KEY_PREFIX });
  return {
    store,
    kind: 'redis',
    async close() {
      await store.close();
      redis.disconnect();
    },
  };
}
