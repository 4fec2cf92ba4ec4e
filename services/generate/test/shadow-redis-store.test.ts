import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { uniqueSuffix } from '@ragfleet/testing';
import { RedisShadowStore } from '../src/shadow/redis-shadow-store.ts';
import { compareShadow } from '../src/shadow/shadow-comparison.ts';

const prefix = `test:shadow:${uniqueSuffix()}:`;
let redis: Redis;

beforeAll(() => {
  redis = new Redis('redis://127.0.0.1:6379');
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('RedisShadowStore (real Redis)', () => {
  it('holds the budget atomically for two replicas, and keeps fleet totals and the last comparisons', async () => {
    const one = new RedisShadowStore(redis, prefix);
    const two = new RedisShadowStore(redis, prefix);
    const day = '2026-12-01';
    // Ten holds of $0.3 racing from two replicas against a $1 budget: exactly three fit.
    const held = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).hold(day, 0.3, 1)),
    );
    expect(held.filter(Boolean)).toHaveLength(3);
    await one.adjust(day, -0.2);
    expect(await two.spent(day)).toBeCloseTo(0.7, 9);
    expect(await one.spent('2026-12-02')).toBe(0);
    const primary = { latencyMs: 100, costUsd: 0, text: 'ab', citedDocumentIds: ['a'] };
    for (let i = 0; i < 3; i++) {
      const shadow = { latencyMs: 100 + i * 100, costUsd: 0.001, text: 'abcd', citedDocumentIds: ['a', 'b'] };
      await (i % 2 ? one : two).record(compareShadow('c', primary, shadow), 2);
    }
    await one.countSkipped('budget');
    const totals = await two.totals();
    expect(totals).toMatchObject({ runs: 3, errors: 0, skippedBudget: 1, skippedBusy: 0 });
    expect(totals.latencyMsDelta).toBeCloseTo(300);
    expect(totals.citationOverlap).toBeCloseTo(1.5);
    expect(totals.lengthRatio).toBeCloseTo(6);
    const recent = await one.recent(10);
    expect(recent.map((comparison) => comparison.latencyMsDelta)).toEqual([200, 100]);
  });
});
