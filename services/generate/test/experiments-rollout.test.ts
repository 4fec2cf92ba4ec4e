import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { FileExperimentStore } from '../src/experiments/adapters/file-experiment-store.ts';
import type { ChangeEvents } from '../src/experiments/domain/change-ports.ts';
import { Experiments } from '../src/experiments/domain/experiments.ts';
import {
  rolloutBucket,
  type ExperimentRecord,
  type RolloutRecord,
} from '../src/experiments/domain/records.ts';
import { Rollouts, type RolloutDefaults } from '../src/experiments/domain/rollouts.ts';

const dir = mkdtempSync(join(tmpdir(), 'ragfleet-rollout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const versions = (family: string) => (family === 'answer' ? ['v1', 'v2', 'v3'] : undefined);
const DEFAULTS: RolloutDefaults = {
  stages: [0.1, 0.5, 1].map((share) => ({ share, holdSeconds: 60, holdAnswers: 100 })),
  maxErrorRate: 0.01,
  minQuality: 0.7,
  minRated: 20,
  guardMinAnswers: 50,
  minRecall: 0.7,
};

function setup(file: string) {
  let now = Date.parse('2026-12-01T10:00:00Z');
  const store = new FileExperimentStore(join(dir, file), () => now);
  const seen: Array<Pick<RolloutRecord, 'state' | 'stage' | 'reason'>> = [];
  const ended: ExperimentRecord[] = [];
  const events: ChangeEvents = {
    rolloutProgress: async (r) => void seen.push({ state: r.state, stage: r.stage, reason: r.reason }),
    experimentEnded: async (e) => void ended.push(e),
  };
  const make = (s = store) =>
    new Rollouts({ store: s, events, versions, defaults: DEFAULTS, clock: () => now });
  const answers = async (rollout: RolloutRecord, n: number, errors = 0, rated = 0, up = 0) =>
    store.addCounters(rolloutBucket(rollout.id, rollout.stage), 'candidate', {
      answers: n,
      errors,
      rated,
      thumbsUp: up,
    });
  return { store, seen, ended, events, make, answers, tick: (ms: number) => (now += ms), clock: () => now };
}

describe('the rollout controller on a fake clock', () => {
  it('advances 10 % → 50 % → 100 % only after each hold, then promotes the candidate', async () => {
    const { store, seen, make, answers, tick } = setup('advance.json');
    const rollouts = make();
    let { record } = await rollouts.create({
      family: 'answer',
      candidate: { name: '', promptVersion: 'v2', model: '', weight: 0 },
      stages: [],
      maxErrorRate: 0,
      minQuality: 0,
      minRated: 0,
    });
    for (const stage of [0, 1, 2]) {
      expect(record.stage).toBe(stage);
      await answers(record, 100);
      tick(30_000);
      await rollouts.step(); // held for half the time: stays
      expect((await rollouts.get(record.id)).record.stage).toBe(stage);
      tick(30_000);
      await rollouts.step();
      record = (await rollouts.get(record.id)).record;
    }
    expect(record.state).toBe('completed');
    expect((await store.defaults()).answer).toMatchObject({
      promptVersion: 'v2',
      source: `rollout:${record.id}`,
    });
    expect(seen.map((s) => `${s.state}@${s.stage}`)).toEqual([
      'running@0',
      'running@1',
      'running@2',
      'completed@2',
    ]);
    // The family is free again.
    await expect(
      rollouts.create({
        family: 'answer',
        candidate: { name: '', promptVersion: 'v3', model: '', weight: 0 },
        stages: [],
        maxErrorRate: 0,
        minQuality: 0,
        minRated: 0,
      }),
    ).resolves.toBeDefined();
  });

  it('rolls back on the error rate, and on quality, saying why', async () => {
    const { store, make, answers } = setup('rollback.json');
    const rollouts = make();
    const first = (
      await rollouts.create({
        family: 'answer',
        candidate: { name: '', promptVersion: '', model: 'ollama/llama3.2', weight: 0 },
        stages: [],
        maxErrorRate: 0,
        minQuality: 0,
        minRated: 0,
      })
    ).record;
    await answers(first, 49, 5);
    await rollouts.step(); // under the guard's minimum of answers: not judged yet
    expect((await rollouts.get(first.id)).record.state).toBe('running');
    await answers(first, 11, 0);
    await rollouts.step();
    const rolled = (await rollouts.get(first.id)).record;
    expect(rolled).toMatchObject({ state: 'rolled_back' });
    expect(rolled.reason).toMatch(/^error rate 8\.3 % \(5 of 60\) over 1\.0 %/);
    expect(await store.defaults()).toEqual({});

    const second = (
      await rollouts.create({
        family: 'answer',
        candidate: { name: '', promptVersion: 'v1', model: '', weight: 0 },
        stages: [],
        maxErrorRate: 0,
        minQuality: 0,
        minRated: 0,
      })
    ).record;
    await answers(second, 30, 0, 20, 12);
    await rollouts.step();
    expect((await rollouts.get(second.id)).record.reason).toMatch(
      /^quality 60\.0 % thumbs up \(12 of 20 rated\) under 70\.0 %/,
    );
  });

  it('resumes after a restart from the stored stage, and refuses a second change on the family', async () => {
    const { store, make, answers, tick, events, clock } = setup('restart.json');
    const rollouts = make();
    const { record } = await rollouts.create({
      family: 'answer',
      candidate: { name: '', promptVersion: 'v2', model: '', weight: 0 },
      stages: [],
      maxErrorRate: 0,
      minQuality: 0,
      minRated: 0,
    });
    await answers(record, 100);
    tick(60_000);
    await rollouts.step();
    await store.close();
    const reopened = new FileExperimentStore(join(dir, 'restart.json'), clock);
    const again = make(reopened);
    const resumed = (await again.get(record.id)).record;
    expect(resumed).toMatchObject({ state: 'running', stage: 1 });
    const experiments = new Experiments({ store: reopened, events, versions });
    await expect(
      experiments.create({
        name: 'x',
        family: 'answer',
        variants: [
          { name: 'a', promptVersion: '', model: '', weight: 1 },
          { name: 'b', promptVersion: 'v2', model: '', weight: 1 },
        ],
        metric: 'thumbs_up_rate',
        minSamples: 0,
        alpha: 0,
        maxSamples: 0,
      }),
    ).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect((await again.abort(record.id)).record).toMatchObject({ state: 'rolled_back', reason: 'aborted' });
  });
});

describe('experiments end to end on the domain', () => {
  it('completes with the significant winner at a planned look and promotes it; stop ends one at once', async () => {
    const { store, ended, events } = setup('experiments.json');
    const experiments = new Experiments({ store, events, versions });
    const variants = [
      { name: 'control', promptVersion: '', model: '', weight: 1 },
      { name: 'v2', promptVersion: 'v2', model: '', weight: 1 },
    ];
    await expect(
      experiments.create({
        name: '',
        family: 'answer',
        variants: [variants[0]!],
        metric: undefined,
        minSamples: 0,
        alpha: 0,
        maxSamples: 0,
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: {
        fields: expect.arrayContaining([
          { field: 'name', message: 'must not be empty' },
          { field: 'metric', message: 'name the metric that decides' },
        ]),
      },
    });
    const { record } = await experiments.create({
      name: 'sealed quotes',
      family: 'answer',
      variants,
      metric: 'thumbs_up_rate',
      minSamples: 100,
      alpha: 0.05,
      maxSamples: 1_000,
    });
    await store.addCounters(`experiment:${record.id}`, 'control', { answers: 100, rated: 100, thumbsUp: 40 });
    await store.addCounters(`experiment:${record.id}`, 'v2', { answers: 100, rated: 100, thumbsUp: 75 });
    await experiments.evaluateDue();
    const view = await experiments.get(record.id);
    expect(view.record).toMatchObject({ state: 'completed', winner: 'v2', looks: 1 });
    expect(view.results[1]).toMatchObject({ variant: 'v2', value: 0.75 });
    expect(view.results[1]!.ciLow).toBeLessThan(0.75);
    expect(view.results[1]!.ciHigh).toBeGreaterThan(0.75);
    expect((await store.defaults()).answer).toMatchObject({
      promptVersion: 'v2',
      source: `experiment:${record.id}`,
    });
    expect(ended.map((e) => e.state)).toEqual(['completed']);

    const next = (
      await experiments.create({
        name: 'again',
        family: 'answer',
        variants,
        metric: 'error_rate',
        minSamples: 50,
        alpha: 0.05,
        maxSamples: 0,
      })
    ).record;
    expect((await experiments.stop(next.id)).record).toMatchObject({ state: 'stopped', winner: '' });
    expect(ended.map((e) => e.state)).toEqual(['completed', 'stopped']);
  });
});
