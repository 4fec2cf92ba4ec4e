import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileFeedbackStore } from '../src/adapters/file-feedback-store.ts';
import { FakeClock } from '../src/domain/clock.ts';
import type { FeedbackEvents } from '../src/domain/feedback-events.ts';
import { silentObserver } from '../src/domain/feedback-events.ts';
import { recommendationRecord, snapshotAt, subjectRecord } from '../src/domain/feedback-store.contract.ts';
import type { FeedbackStore } from '../src/domain/feedback-store.ts';
import { measureDue, type MeasureSettings } from '../src/domain/measurer.ts';
import { PackCatalog } from '../src/domain/pack-catalog.ts';
import type { StageChange } from '../src/domain/records.ts';
import { Recommendations } from '../src/domain/recommendations.ts';

const DAY = 86_400_000;
const settings: MeasureSettings = { retryMs: DAY, maxAttempts: 3, claimMs: 60_000, batch: 50 };

class RecordedEvents implements FeedbackEvents {
  readonly stages: StageChange[] = [];
  async stageChanged(_record: unknown, change: StageChange) {
    this.stages.push(change);
  }
  async weightsActivated() {}
  async answerFeedback() {}
}

describe('measurement on the durable schedule, with fake time', () => {
  let dir: string;
  let clock: FakeClock;
  let events: RecordedEvents;
  const packs = new PackCatalog();
  const opened: FeedbackStore[] = [];

  const openStore = async () => {
    const store = new FileFeedbackStore(join(dir, 'feedback'));
    await store.open();
    opened.push(store);
    return store;
  };
  const measure = (store: FeedbackStore) =>
    measureDue({ store, packs, clock, events, observer: silentObserver, settings });
  const lifecycle = (store: FeedbackStore) =>
    new Recommendations({ store, packs, clock, events, observer: silentObserver, settings: {} });

  /** A subject with a snapshot before applying, one generated recommendation, applied now. */
  async function appliedRecommendation(store: FeedbackStore) {
    await store.createSubject(subjectRecord('acme', 'node-1'));
    await store.addSnapshot('acme', 'node-1', snapshotAt('2026-01-01T00:00:00.000Z', 1_000));
    await store.insertRecommendation(recommendationRecord('acme', 'r1'));
    clock.set('2026-01-02T00:00:00.000Z');
    return lifecycle(store).transition('acme', 'r1', 'applied', 'alice');
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ragfleet-feedback-measure-'));
    clock = new FakeClock('2026-01-01T00:00:00.000Z');
    events = new RecordedEvents();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('schedules the measurement the pack says after applying (7 days for lightning)', async () => {
    const applied = await appliedRecommendation(await openStore());
    expect(applied.measureDueAt).toBe('2026-01-09T00:00:00.000Z');
    expect(applied.history.at(-1)).toMatchObject({
      stage: 'applied',
      actor: 'alice',
      at: '2026-01-02T00:00:00.000Z',
    });
  });

  it('measures nothing before it is due, then compares before and after applying', async () => {
    const store = await openStore();
    await appliedRecommendation(store);
    clock.set('2026-01-08T00:00:00.000Z');
    await store.addSnapshot('acme', 'node-1', {
      ...snapshotAt('2026-01-08T00:00:00.000Z', 1_200),
      subject: { routing_revenue_sat_30d: 1_200, forward_success_rate: 0.99 },
    });
    expect(await measure(store)).toMatchObject({ measured: 0 });
    clock.set('2026-01-09T00:00:00.000Z');
    expect(await measure(store)).toMatchObject({ measured: 1 });
    const record = await store.getRecommendation('acme', 'r1');
    expect(record?.stage).toBe('measured');
    expect(record?.outcome?.measurable).toBe(true);
    expect(record?.outcome?.changes['node.routing_revenue_sat_30d']).toBeCloseTo(0.2);
    expect(record?.outcome?.effectiveness).toBeCloseTo(0.5 + 0.5 * (0.6 * 0.2 + 0.4 * (0.09 / 0.9)), 9);
    expect(events.stages.at(-1)).toMatchObject({ stage: 'measured', actor: 'feedback' });
    expect(await measure(store)).toMatchObject({ measured: 0 });
  });

  it('a restart on the same data dir measures once: not twice, not never', async () => {
    const first = await openStore();
    await appliedRecommendation(first);
    await first.addSnapshot('acme', 'node-1', snapshotAt('2026-01-05T00:00:00.000Z', 1_100));
    await first.close();

    clock.set('2026-01-10T00:00:00.000Z');
    const second = await openStore();
    expect(await measure(second)).toMatchObject({ measured: 1 });
    await second.close();

    const third = await openStore();
    expect(await measure(third)).toMatchObject({ measured: 0, retried: 0 });
    const record = await third.getRecommendation('acme', 'r1');
    expect(record?.history.filter((c) => c.stage === 'measured')).toHaveLength(1);
    expect(events.stages.filter((c) => c.stage === 'measured')).toHaveLength(1);
  });

  it('two measurers on one store measure a record once (the claim is a compare-and-set)', async () => {
    const store = await openStore();
    await appliedRecommendation(store);
    await store.addSnapshot('acme', 'node-1', snapshotAt('2026-01-05T00:00:00.000Z', 1_100));
    clock.set('2026-01-10T00:00:00.000Z');
    const [a, b] = await Promise.all([measure(store), measure(store)]);
    expect(a.measured + b.measured).toBe(1);
    expect(events.stages.filter((c) => c.stage === 'measured')).toHaveLength(1);
  });

  it('retries without a later snapshot, then records the outcome as not measurable', async () => {
    const store = await openStore();
    await appliedRecommendation(store);
    clock.set('2026-01-09T00:00:00.000Z');
    expect(await measure(store)).toMatchObject({ retried: 1 });
    expect((await store.getRecommendation('acme', 'r1'))?.measureDueAt).toBe('2026-01-10T00:00:00.000Z');
    expect(await measure(store)).toMatchObject({ retried: 0, measured: 0 });
    clock.advance(DAY);
    expect(await measure(store)).toMatchObject({ retried: 1 });
    clock.advance(DAY);
    expect(await measure(store)).toMatchObject({ unmeasurable: 1 });
    const record = await store.getRecommendation('acme', 'r1');
    expect(record).toMatchObject({ stage: 'measured', measureAttempts: 3, outcome: { measurable: false } });
  });

  it('a claim left by a crashed measurer lapses, and the record is measured then', async () => {
    const store = await openStore();
    const applied = await appliedRecommendation(store);
    await store.addSnapshot('acme', 'node-1', snapshotAt('2026-01-05T00:00:00.000Z', 900));
    clock.set('2026-01-10T00:00:00.000Z');
    // A replica claimed it and died before writing the result.
    await store.replaceRecommendation(
      { ...applied, claimedUntil: '2026-01-10T00:01:00.000Z' },
      applied.revision,
    );
    expect(await measure(store)).toMatchObject({ measured: 0 });
    clock.advance(60_000);
    expect(await measure(store)).toMatchObject({ measured: 1 });
    expect((await store.getRecommendation('acme', 'r1'))?.outcome?.effectiveness).toBeLessThan(0.5);
  });

  it('refuses to let a caller measure, or apply a dismissed one', async () => {
    const store = await openStore();
    await store.createSubject(subjectRecord('acme', 'node-1'));
    await store.insertRecommendation(recommendationRecord('acme', 'r1'));
    await lifecycle(store).transition('acme', 'r1', 'dismissed', 'bob', 'not now');
    await expect(lifecycle(store).transition('acme', 'r1', 'measured', 'bob')).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    await expect(lifecycle(store).transition('acme', 'r1', 'applied', 'bob')).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      details: { from: 'dismissed', to: 'applied' },
    });
    expect(await lifecycle(store).transition('acme', 'r1', 'dismissed', 'bob')).toMatchObject({
      stage: 'dismissed',
    });
    expect(events.stages.map((c) => c.stage)).toEqual(['dismissed']);
  });
});
