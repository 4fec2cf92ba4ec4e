import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { LedgerEntry, UsageLedger, UsageQuery } from '../src/ledger/usage-ledger.ts';

export interface LedgerFixture {
  ledger: UsageLedger;
  /** Another instance over the same storage, as after a restart. */
  reopen(): Promise<UsageLedger>;
  cleanup(): Promise<void>;
}

let serial = 0;
export function entry(fields: Partial<LedgerEntry> = {}): LedgerEntry {
  serial += 1;
  return {
    generationId: `gen-${serial}`,
    tenant: 'acme',
    user: 'alice',
    keyId: 'key-a',
    task: 'answer',
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    inputTokens: 100,
    outputTokens: 20,
    costUsd: 0.001,
    cached: false,
    at: '2026-11-10T12:00:00.000Z',
    ...fields,
  };
}

const november = (groupBy: UsageQuery['groupBy'], tenant = 'acme'): UsageQuery => ({
  tenant,
  from: new Date('2026-11-01T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
  groupBy,
});

/** What every UsageLedger adapter must do; run against each by ledger-store.test.ts. */
export function ledgerContract(name: string, open: () => Promise<LedgerFixture>): void {
  describe(`UsageLedger contract: ${name}`, () => {
    let fixture: LedgerFixture;
    beforeEach(async () => {
      fixture = await open();
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    it('appends a generation once: the same generationId again changes nothing', async () => {
      const first = entry({ costUsd: 0.5 });
      expect(await fixture.ledger.append(first)).toBe(true);
      expect(await fixture.ledger.append({ ...first, costUsd: 99 })).toBe(false);
      expect(await fixture.ledger.query(november('model'))).toEqual([
        {
          key: 'anthropic/claude-haiku-4-5',
          generations: 1,
          inputTokens: 100,
          outputTokens: 20,
          costUsd: 0.5,
          cached: 0,
        },
      ]);
    });

    it('keeps one entry when the same generation is appended concurrently', async () => {
      const same = entry();
      const results = await Promise.all([1, 2, 3, 4].map(() => fixture.ledger.append(same)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const [group] = await fixture.ledger.query(november('user'));
      expect(group?.generations).toBe(1);
    });

    it('groups by model, dearest first, counting tokens, cost and cached answers', async () => {
      await fixture.ledger.append(entry({ costUsd: 0.002, inputTokens: 10, outputTokens: 5 }));
      await fixture.ledger.append(entry({ costUsd: 0, cached: true, inputTokens: 0, outputTokens: 0 }));
      await fixture.ledger.append(
        entry({ provider: 'anthropic', model: 'claude-sonnet-4-6', costUsd: 0.03 }),
      );
      await fixture.ledger.append(entry({ provider: 'extractive', model: 'extractive-v1', costUsd: 0 }));
      const groups = await fixture.ledger.query(november('model'));
      expect(groups.map((group) => group.key)).toEqual([
        'anthropic/claude-sonnet-4-6',
        'anthropic/claude-haiku-4-5',
        'extractive/extractive-v1',
      ]);
      expect(groups[1]).toEqual({
        key: 'anthropic/claude-haiku-4-5',
        generations: 2,
        inputTokens: 10,
        outputTokens: 5,
        costUsd: 0.002,
        cached: 1,
      });
    });

    it('groups by user, by key and by UTC day (days in calendar order)', async () => {
      await fixture.ledger.append(entry({ user: 'bob', keyId: 'key-b', at: '2026-11-12T23:30:00-02:00' }));
      await fixture.ledger.append(entry({ user: 'alice', keyId: 'key-a', at: '2026-11-03T08:00:00Z' }));
      await fixture.ledger.append(entry({ user: 'alice', keyId: 'key-c', at: '2026-11-03T09:00:00Z' }));
      const users = await fixture.ledger.query(november('user'));
      expect(users.map((group) => [group.key, group.generations])).toEqual([
        ['alice', 2],
        ['bob', 1],
      ]);
      const keys = await fixture.ledger.query(november('key'));
      expect(keys.map((group) => group.key).sort()).toEqual(['key-a', 'key-b', 'key-c']);
      const days = await fixture.ledger.query(november('day'));
      // 23:30 at -02:00 is 01:30 the next day in UTC.
      expect(days.map((group) => [group.key, group.generations])).toEqual([
        ['2026-11-03', 2],
        ['2026-11-13', 1],
      ]);
    });

    it('groups by task: what answers, summaries and panels each cost', async () => {
      await fixture.ledger.append(entry({ task: 'answer', costUsd: 0.002 }));
      await fixture.ledger.append(entry({ task: 'summary', costUsd: 0.003 }));
      await fixture.ledger.append(entry({ task: 'summary', costUsd: 0.004 }));
      await fixture.ledger.append(entry({ task: 'panel', costUsd: 0.001 }));
      const tasks = await fixture.ledger.query(november('task'));
      expect(tasks.map((group) => [group.key, group.generations, group.costUsd])).toEqual([
        ['summary', 2, 0.007],
        ['answer', 1, 0.002],
        ['panel', 1, 0.001],
      ]);
    });

    it("answers one tenant's entries only", async () => {
      await fixture.ledger.append(entry({ tenant: 'acme', costUsd: 1 }));
      await fixture.ledger.append(entry({ tenant: 'globex', costUsd: 7 }));
      const acme = await fixture.ledger.query(november('model', 'acme'));
      const globex = await fixture.ledger.query(november('model', 'globex'));
      expect(acme.map((group) => group.costUsd)).toEqual([1]);
      expect(globex.map((group) => group.costUsd)).toEqual([7]);
      expect(await fixture.ledger.query(november('model', 'initech'))).toEqual([]);
    });

    it('counts entries from `from` (inclusive) to `to` (exclusive)', async () => {
      await fixture.ledger.append(entry({ at: '2026-10-31T23:59:59.999Z' }));
      await fixture.ledger.append(entry({ at: '2026-11-01T00:00:00.000Z' }));
      await fixture.ledger.append(entry({ at: '2026-11-30T23:59:59.999Z' }));
      await fixture.ledger.append(entry({ at: '2026-12-01T00:00:00.000Z' }));
      const days = await fixture.ledger.query(november('day'));
      expect(days.map((group) => group.key)).toEqual(['2026-11-01', '2026-11-30']);
    });

    it('keeps every entry across a restart, and still refuses a repeated generationId', async () => {
      const kept = entry({ costUsd: 0.25 });
      await fixture.ledger.append(kept);
      await fixture.ledger.append(entry({ costUsd: 0.5, user: 'bob' }));
      await fixture.ledger.close();
      const again = await fixture.reopen();
      expect(await again.append(kept)).toBe(false);
      const users = await again.query(november('user'));
      expect(users.map((group) => [group.key, group.costUsd])).toEqual([
        ['bob', 0.5],
        ['alice', 0.25],
      ]);
    });
  });
}
