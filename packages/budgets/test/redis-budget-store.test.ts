import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { uniqueSuffix } from '@ragfleet/testing';
import { budgetStoreContract, ManualClock } from '@ragfleet/budgets/contract';
import { RedisBudgetStore } from '@ragfleet/budgets';

/* The contract on the machine's Redis: a unique key prefix per store, every key removed after. */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function removeKeys(redis: Redis, keyPrefix: string): Promise<void> {
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
}

budgetStoreContract('RedisBudgetStore', async ({ now }) => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const keyPrefix = `ragfleet:test:budgets:${uniqueSuffix()}:`;
  const store = new RedisBudgetStore(redis, { keyPrefix, now });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await removeKeys(redis, keyPrefix);
      redis.disconnect();
    },
  };
});

describe('RedisBudgetStore across replicas', () => {
  const keyPrefix = `ragfleet:test:budgets:${uniqueSuffix()}:`;
  const clock = new ManualClock(Date.UTC(2026, 11, 1, 12));
  // Four clients and four stores, as four service replicas on one Redis.
  const clients = Array.from({ length: 4 }, () => new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }));
  const replicas = clients.map((redis) => new RedisBudgetStore(redis, { keyPrefix, now: clock.now }));

  afterAll(async () => {
    await removeKeys(clients[0]!, keyPrefix);
    for (const redis of clients) redis.disconnect();
  });

  it('grants exactly 50 of 200 concurrent reserves spread over four connections', async () => {
    const scope = { tenant: 'acme', kind: 'user' as const, id: 'alice' };
    await replicas[0]!.setBudget({ scope, period: 'month', limitUsd: 0.5 });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        replicas[index % 4]!.reserve({
          id: `gen-${index}`,
          tenant: 'acme',
          user: 'alice',
          amountUsd: 0.01,
          ttlMs: 60_000,
        }),
      ),
    );
    expect(results.filter((result) => result.status === 'granted')).toHaveLength(50);
    const month = (await replicas[1]!.remaining(scope)).find((status) => status.period === 'month');
    expect(month).toMatchObject({ reservedUsd: 0.5, remainingUsd: 0 });
  });

  it('lets every key it writes expire: counters after the period, reservations after the retention', async () => {
    const redis = clients[0]!;
    const keys = await redis.keys(`${keyPrefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await redis.pttl(key);
      if (key.startsWith(`${keyPrefix}definitions:`)) expect(ttl).toBe(-1);
      else expect(ttl).toBeGreaterThan(0);
    }
  });
});
