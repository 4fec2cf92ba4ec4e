import { describe, expect, it } from '@jest/globals';
import { IndexSnapshots } from './index-snapshots.ts';

function schedule(everyJobs: number, intervalMs: number, fail = false) {
  const clock = { now: 1_000_000 };
  const taken: number[] = [];
  const warnings: string[] = [];
  const snapshots = new IndexSnapshots({
    everyJobs,
    intervalMs,
    now: () => clock.now,
    logger: { warn: (_object, message) => warnings.push(message ?? '') },
    snapshot: async () => {
      if (fail) throw new Error('disk full');
      taken.push(clock.now);
    },
  });
  return { snapshots, clock, taken, warnings };
}

describe('IndexSnapshots', () => {
  it('snapshots after every `everyJobs` jobs, not after each one', async () => {
    const { snapshots, taken } = schedule(3, 60_000);
    for (let i = 0; i < 7; i++) await snapshots.jobDone();
    expect(taken).toHaveLength(2);
  });

  it('snapshots once the oldest unsnapshotted write is intervalMs old, by the next job or the timer', async () => {
    const { snapshots, clock, taken } = schedule(1_000, 10_000);
    await snapshots.jobDone();
    clock.now += 9_999;
    await snapshots.tick();
    await snapshots.jobDone();
    expect(taken).toEqual([]);
    clock.now += 1;
    await snapshots.jobDone();
    expect(taken).toEqual([clock.now]);

    // Idle after a burst: only the timer sees it.
    snapshots.changed();
    clock.now += 10_000;
    await snapshots.tick();
    expect(taken).toHaveLength(2);
    clock.now += 60_000;
    await snapshots.tick();
    expect(taken).toHaveLength(2); // nothing changed since
  });

  it('flushes what is not in a snapshot at shutdown, and nothing when all is', async () => {
    const { snapshots, taken } = schedule(1_000, 60_000);
    await snapshots.flush();
    expect(taken).toHaveLength(0);
    snapshots.changed();
    await snapshots.flush();
    expect(taken).toHaveLength(1);
  });

  it('keeps the count after a failed snapshot and tries again on the next job', async () => {
    const failing = schedule(2, 60_000, true);
    await failing.snapshots.jobDone();
    await failing.snapshots.jobDone();
    expect(failing.warnings).toHaveLength(1);
    await failing.snapshots.jobDone();
    expect(failing.warnings).toHaveLength(2);
  });
});
