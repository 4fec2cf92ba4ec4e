import { describe, expect, it } from '@jest/globals';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueSuffix } from '@ragfleet/testing';
import { FileLedger } from '../src/ledger/file-ledger.ts';
import { MongoLedger } from '../src/ledger/mongo-ledger.ts';
import type { UsageLedger } from '../src/ledger/usage-ledger.ts';
import { entry, ledgerContract } from './ledger.contract.ts';

async function fileFixture() {
  const dir = await mkdtemp(join(tmpdir(), 'ragfleet-ledger-'));
  const opened: UsageLedger[] = [];
  const open = async () => {
    const ledger = new FileLedger(join(dir, 'router'));
    await ledger.open();
    opened.push(ledger);
    return ledger;
  };
  return {
    ledger: await open(),
    reopen: open,
    cleanup: async () => {
      for (const ledger of opened) await ledger.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

ledgerContract('FileLedger', fileFixture);

const mongoUri = process.env.MONGODB_URI;
if (mongoUri) {
  ledgerContract('MongoLedger', async () => {
    const dbName = `ragfleet_router_test_${uniqueSuffix()}`;
    const opened: MongoLedger[] = [];
    const open = async () => {
      const ledger = new MongoLedger(mongoUri, { dbName });
      await ledger.open();
      opened.push(ledger);
      return ledger;
    };
    return {
      ledger: await open(),
      reopen: open,
      cleanup: async () => {
        await opened.at(-1)?.dropDatabase();
        for (const ledger of opened) await ledger.close();
      },
    };
  });
} else {
  describe.skip('UsageLedger contract: MongoLedger (skipped: set MONGODB_URI to run it)', () => {
    it('passes the same contract as the file ledger', () => undefined);
  });
}

describe('FileLedger on disk', () => {
  it('writes one JSON line per new generation, none for a repeat', async () => {
    const fixture = await fileFixture();
    try {
      const ledger = fixture.ledger as FileLedger;
      const one = entry();
      await ledger.append(one);
      await ledger.append(one);
      await ledger.append(entry());
      const lines = (await readFile(ledger.path, 'utf8')).split('\n').filter(Boolean);
      expect(lines).toHaveLength(2);
      expect(JSON.parse(lines[0] ?? '')).toEqual(one);
    } finally {
      await fixture.cleanup();
    }
  });

  it('drops a torn last line left by a crash, and appends cleanly after it', async () => {
    const fixture = await fileFixture();
    try {
      const ledger = fixture.ledger as FileLedger;
      await ledger.append(entry({ costUsd: 1 }));
      await ledger.close();
      await appendFile(ledger.path, '{"generationId":"torn","tenant":"ac');
      const again = (await fixture.reopen()) as FileLedger;
      expect(await again.append(entry({ costUsd: 2 }))).toBe(true);
      await again.close();
      const third = await fixture.reopen();
      const groups = await third.query({
        tenant: 'acme',
        from: new Date('2026-01-01T00:00:00Z'),
        to: new Date('2027-01-01T00:00:00Z'),
        groupBy: 'model',
      });
      expect(groups.map((group) => [group.generations, group.costUsd])).toEqual([[2, 3]]);
    } finally {
      await fixture.cleanup();
    }
  });

  it('reads a line written before tasks were recorded as an answer', async () => {
    const fixture = await fileFixture();
    try {
      const ledger = fixture.ledger as FileLedger;
      await ledger.append(entry({ task: 'summary' }));
      await ledger.close();
      const { task: _task, ...older } = entry({ generationId: 'before-tasks' });
      await appendFile(ledger.path, `${JSON.stringify(older)}\n`);
      const reopened = await fixture.reopen();
      const tasks = await reopened.query({
        tenant: 'acme',
        from: new Date('2026-01-01T00:00:00Z'),
        to: new Date('2027-01-01T00:00:00Z'),
        groupBy: 'task',
      });
      expect(tasks.map((group) => [group.key, group.generations]).sort()).toEqual([
        ['answer', 1],
        ['summary', 1],
      ]);
    } finally {
      await fixture.cleanup();
    }
  });
});
