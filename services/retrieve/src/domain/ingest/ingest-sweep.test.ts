import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { corpusFixture, type CorpusFixture } from '../../../test/support/corpus-fixture.ts';
import { QuietLogger } from '../../../test/support/quiet-logger.ts';
import { RecordingBus } from '../../../test/support/recording-bus.ts';
import { noMetrics } from '../index/retrieve-metrics.ts';
import { IngestSweep } from './ingest-sweep.ts';
import { newJob, transition } from './job-state.ts';

const START = new Date('2026-03-01T12:00:00.000Z');
const STALE_MS = 60_000;
const at = (ms: number) => new Date(START.getTime() + ms);
const input = (id: string) => ({ id, text: `text of ${id}`, title: '', metadata: {} });

let fixture: CorpusFixture;
let bus: RecordingBus;
let clock: Date;
const sweeps = (store = fixture.store) =>
  new IngestSweep({
    store,
    bus,
    jobsSubject: 'jobs',
    staleAfterMs: STALE_MS,
    maxAttempts: 3,
    metrics: noMetrics,
    logger: new QuietLogger(),
    now: () => clock,
  });

beforeEach(async () => {
  fixture = await corpusFixture();
  bus = new RecordingBus();
  clock = START;
});
afterEach(() => fixture.close());

describe('IngestSweep', () => {
  it('publishes again a queued job nothing touched for longer than staleAfterMs, once per staleness', async () => {
    await fixture.store.createJob(newJob('lost', 'acme', ['a'], START), [input('a')]);
    await fixture.store.createJob(newJob('recent', 'acme', ['b'], at(30_000)), [input('b')]);
    const sweep = sweeps();

    clock = at(STALE_MS - 1);
    expect(await sweep.sweep()).toEqual({ requeued: 0, failed: 0 });
    clock = at(STALE_MS + 1);
    expect(await sweep.sweep()).toEqual({ requeued: 1, failed: 0 });
    expect(bus.published).toEqual([
      expect.objectContaining({
        subject: 'jobs',
        event: expect.objectContaining({
          id: `lost@${START.toISOString()}`,
          tenant: 'acme',
          data: { jobId: 'lost' },
        }),
      }),
    ]);
    expect(await fixture.store.getJob('acme', 'lost')).toMatchObject({
      state: 'queued',
      updatedAt: clock.toISOString(),
    });

    // Published again only after another quiet staleAfterMs.
    clock = at(STALE_MS + 2_000);
    expect((await sweep.sweep()).requeued).toBe(0);
    clock = at(2 * STALE_MS + 10);
    expect(await sweep.sweep()).toEqual({ requeued: 2, failed: 0 });
  });

  it('puts a running job whose worker is gone back to queued, and leaves ended jobs alone', async () => {
    const running = transition(newJob('orphan', 'acme', ['a'], START), 'running', START, { attempts: 1 });
    await fixture.store.createJob(running, [input('a')]);
    const done = transition(
      transition(newJob('done', 'acme', ['b'], START), 'running', START),
      'succeeded',
      START,
    );
    await fixture.store.createJob(done, [input('b')]);

    clock = at(STALE_MS + 1);
    expect(await sweeps().sweep()).toEqual({ requeued: 1, failed: 0 });
    expect(await fixture.store.getJob('acme', 'orphan')).toMatchObject({
      state: 'queued',
      attempts: 1,
      error: 'its worker was lost; queued again',
    });
    expect(bus.published.map(({ event }) => (event.data as { jobId: string }).jobId)).toEqual(['orphan']);
  });

  it('gives up a job started maxAttempts times without ending', async () => {
    const crashing = transition(newJob('poison', 'acme', ['a'], START), 'running', START, { attempts: 3 });
    await fixture.store.createJob(crashing, [input('a')]);

    clock = at(STALE_MS + 1);
    expect(await sweeps().sweep()).toEqual({ requeued: 0, failed: 1 });
    expect(await fixture.store.getJob('acme', 'poison')).toMatchObject({
      state: 'failed',
      error: 'gave up after 3 attempts: its worker was lost each time',
    });
    expect(bus.published).toEqual([]);
  });

  it('leaves the job stale while the queue is unreachable, and queues it once it is back', async () => {
    await fixture.store.createJob(newJob('waiting', 'acme', ['a'], START), [input('a')]);
    await fixture.store.createJob(newJob('waiting-too', 'acme', ['b'], START), [input('b')]);
    const sweep = sweeps();
    clock = at(STALE_MS + 1);
    bus.failPublish = new RagfleetError('SERVICE_UNAVAILABLE', 'The event bus is reconnecting');
    expect(await sweep.sweep()).toEqual({ requeued: 0, failed: 0 });
    expect(await fixture.store.getJob('acme', 'waiting')).toMatchObject({ updatedAt: START.toISOString() });

    bus.failPublish = undefined;
    clock = at(STALE_MS + 500);
    expect(await sweep.sweep()).toEqual({ requeued: 2, failed: 0 });
  });

  it('moves a stale job once when two replicas sweep the same store, with one message between them', async () => {
    await fixture.store.createJob(newJob('shared', 'acme', ['a'], START), [input('a')]);
    clock = at(STALE_MS + 1);
    const results = await Promise.all([sweeps().sweep(), sweeps().sweep()]);
    expect(results.map((result) => result.requeued).sort()).toEqual([0, 1]);
    // Both may publish, under the same message id: JetStream keeps one.
    expect(new Set(bus.published.map(({ event }) => event.id))).toEqual(
      new Set([`shared@${START.toISOString()}`]),
    );
  });

  it('resumeAll queues again every job not ended before the given time, however recent, across batches', async () => {
    for (let i = 0; i < 5; i++) {
      await fixture.store.createJob(newJob(`job-${i}`, 'acme', ['a'], at(-1_000 + i)), [input('a')]);
    }
    const running = transition(newJob('interrupted', 'acme', ['b'], at(-10)), 'running', at(-10), {
      attempts: 1,
    });
    await fixture.store.createJob(running, [input('b')]);
    const done = transition(
      transition(newJob('done', 'acme', ['c'], at(-5)), 'running', at(-5)),
      'succeeded',
      at(-5),
    );
    await fixture.store.createJob(done, [input('c')]);
    const sweep = new IngestSweep({
      store: fixture.store,
      bus,
      jobsSubject: 'jobs',
      staleAfterMs: STALE_MS,
      maxAttempts: 3,
      metrics: noMetrics,
      logger: new QuietLogger(),
      now: () => clock,
      batch: 2,
    });

    expect(await sweep.resumeAll(START)).toEqual({ requeued: 6, failed: 0 });
    expect(new Set(bus.published.map((entry) => (entry.event.data as { jobId: string }).jobId))).toEqual(
      new Set(['job-0', 'job-1', 'job-2', 'job-3', 'job-4', 'interrupted']),
    );
    expect(await fixture.store.getJob('acme', 'interrupted')).toMatchObject({ state: 'queued', attempts: 1 });
    expect(await fixture.store.getJob('acme', 'done')).toMatchObject({ state: 'succeeded' });
  });
});
