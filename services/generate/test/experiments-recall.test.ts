import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { readLabelledSet } from '../src/experiments/adapters/labelled-set-file.ts';
import { FileExperimentStore } from '../src/experiments/adapters/file-experiment-store.ts';
import type { ChangeEvents } from '../src/experiments/domain/change-ports.ts';
import {
  labelledRecall,
  recallAt5,
  topDocuments,
  type RecallProbe,
} from '../src/experiments/domain/recall.ts';
import {
  rolloutBucket,
  type RetrievalSettings,
  type RolloutRecord,
} from '../src/experiments/domain/records.ts';
import { Rollouts, type RolloutDefaults } from '../src/experiments/domain/rollouts.ts';
import type { RawVariant } from '../src/experiments/domain/variant-input.ts';

const dir = mkdtempSync(join(tmpdir(), 'ragfleet-recall-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recall@5', () => {
  it('counts the relevant documents among the top 5 distinct ones', () => {
    // d1 repeats (three chunks): the top 5 distinct documents are d1 d2 d3 d4 d5, not d6.
    const ranked = ['d1', 'd1', 'd2', 'd1', 'd3', 'd4', 'd5', 'd6'];
    expect(topDocuments(ranked)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    expect(recallAt5(ranked, ['d2'])).toBe(1);
    expect(recallAt5(ranked, ['d6'])).toBe(0);
    expect(recallAt5(ranked, ['d5', 'd6'])).toBe(0.5);
    expect(recallAt5(ranked, ['d1', 'd3', 'x', 'y'])).toBe(0.5);
    expect(recallAt5([], ['d1'])).toBe(0);
  });

  it('averages over the labelled queries, each searched with the candidate settings', async () => {
    const asked: Array<[string, RetrievalSettings]> = [];
    const probe = labelledRecall(
      {
        tenant: 't1',
        queries: [
          { query: 'a', relevant: ['d1'] },
          { query: 'b', relevant: ['d2', 'd9'] },
          { query: 'c', relevant: ['d7'] },
        ],
      },
      async (query, settings) => {
        asked.push([query, settings]);
        return ['d1', 'd2', 'd3', 'd4', 'd5', 'd7'];
      },
    );
    // (1 + 0.5 + 0) / 3
    expect(await probe.measure({ mode: 'keyword' })).toBeCloseTo(0.5, 10);
    expect(asked).toEqual([
      ['a', { mode: 'keyword' }],
      ['b', { mode: 'keyword' }],
      ['c', { mode: 'keyword' }],
    ]);
  });

  it('reads a labelled set file, and names what is wrong with a bad one', async () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ tenant: 't', queries: [{ query: 'q', relevant: ['d'] }] }));
    await expect(readLabelledSet(good)).resolves.toEqual({
      tenant: 't',
      queries: [{ query: 'q', relevant: ['d'] }],
    });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ tenant: 't', queries: [{ query: 'q', relevant: [] }] }));
    await expect(readLabelledSet(bad)).rejects.toThrow(/bad\.json: queries\.0\.relevant/);
    await expect(readLabelledSet(join(dir, 'absent.json'))).rejects.toThrow(
      /ROLLOUT_LABELLED_SET .*absent\.json/,
    );
  });
});

const versions = (family: string) => (family === 'answer' ? ['v1', 'v2'] : undefined);
const DEFAULTS: RolloutDefaults = {
  stages: [0.1, 0.5, 1].map((share) => ({ share, holdSeconds: 60, holdAnswers: 10 })),
  maxErrorRate: 0.01,
  minQuality: 0.7,
  minRated: 20,
  guardMinAnswers: 50,
  minRecall: 0.7,
};

/** A probe whose recall the test sets, and which remembers what it was asked. */
class FakeProbe implements RecallProbe {
  value = 0.9;
  failure: Error | undefined;
  readonly asked: RetrievalSettings[] = [];
  async measure(settings: RetrievalSettings) {
    this.asked.push(settings);
    if (this.failure) throw this.failure;
    return this.value;
  }
}

const retrievalCandidate = (retrieval: RawVariant['retrieval']): RawVariant => ({
  name: '',
  promptVersion: '',
  model: '',
  weight: 0,
  retrieval,
});

function setup(file: string, recall?: RecallProbe) {
  let now = Date.parse('2026-12-01T10:00:00Z');
  const store = new FileExperimentStore(join(dir, file), () => now);
  const seen: string[] = [];
  const events: ChangeEvents = {
    rolloutProgress: async (r) => void seen.push(`${r.state}@${r.stage}`),
    experimentEnded: async () => {},
  };
  const rollouts = new Rollouts({
    store,
    events,
    versions,
    defaults: DEFAULTS,
    clock: () => now,
    ...(recall ? { recall } : {}),
  });
  const holdStage = async (record: RolloutRecord) => {
    await store.addCounters(rolloutBucket(record.id, record.stage), 'candidate', { answers: 10 });
    now += 60_000;
    await rollouts.step();
    return (await rollouts.get(record.id)).record;
  };
  const create = (candidate: RawVariant, minRecall = 0) =>
    rollouts.create({
      family: 'answer',
      candidate,
      stages: [],
      maxErrorRate: 0,
      minQuality: 0,
      minRated: 0,
      minRecall,
    });
  return { store, seen, rollouts, holdStage, create };
}

describe('the recall guard of a retrieval candidate (fake clock, fake probe)', () => {
  const hybridMmr = { mode: 'hybrid', fusion: 'minmax', rerank: 'mmr', k: 8 };

  it('measures at creation and before each advance, advancing while recall holds, then promotes the settings', async () => {
    const probe = new FakeProbe();
    const { store, seen, holdStage, create } = setup('holds.json', probe);
    let { record } = await create(retrievalCandidate(hybridMmr));
    expect(record).toMatchObject({
      state: 'running',
      minRecall: 0.7,
      recallAt5: 0.9,
      candidate: { retrieval: { mode: 'hybrid', fusion: 'minmax', rerank: 'mmr', k: 8 } },
    });
    probe.value = 0.75;
    record = await holdStage(record);
    expect(record).toMatchObject({ state: 'running', stage: 1, recallAt5: 0.75 });
    probe.value = 0.7; // at the floor still holds
    record = await holdStage(record);
    expect(record).toMatchObject({ state: 'running', stage: 2, recallAt5: 0.7 });
    record = await holdStage(record);
    expect(record).toMatchObject({ state: 'completed', recallAt5: 0.7 });
    expect(probe.asked).toHaveLength(4);
    expect(probe.asked[0]).toEqual({ mode: 'hybrid', fusion: 'minmax', rerank: 'mmr', k: 8 });
    expect((await store.defaults()).answer).toMatchObject({ retrieval: { mode: 'hybrid', k: 8 } });
    expect(seen).toEqual(['running@0', 'running@1', 'running@2', 'completed@2']);
  });

  it('rolls back with the reason when recall drops under the floor before an advance', async () => {
    const probe = new FakeProbe();
    const { holdStage, create, rollouts } = setup('drops.json', probe);
    let { record } = await create(retrievalCandidate({ mode: 'keyword', fusion: '', rerank: '', k: 0 }), 0.8);
    expect(record.minRecall).toBe(0.8);
    probe.value = 0.62;
    // Not yet at the end of the stage: recall is not measured, nothing changes.
    await rollouts.step();
    expect(probe.asked).toHaveLength(1);
    record = await holdStage(record);
    expect(record).toMatchObject({ state: 'rolled_back', stage: 0, recallAt5: 0.62 });
    expect(record.reason).toBe('recall@5 0.62 below 0.80');
  });

  it('a candidate under the floor at creation is rolled back at once', async () => {
    const probe = new FakeProbe();
    probe.value = 0.4;
    const { record } = await setup('at-creation.json', probe).create(
      retrievalCandidate({ mode: 'vector', fusion: '', rerank: '', k: 0 }),
    );
    expect(record).toMatchObject({
      state: 'rolled_back',
      recallAt5: 0.4,
      reason: 'recall@5 0.40 below 0.70',
    });
  });

  it('holds the stage, saying why, while recall cannot be measured', async () => {
    const probe = new FakeProbe();
    const { holdStage, create } = setup('unmeasured.json', probe);
    let { record } = await create(retrievalCandidate({ mode: 'keyword', fusion: '', rerank: '', k: 0 }));
    probe.failure = new Error('retrieve unavailable');
    record = await holdStage(record);
    expect(record).toMatchObject({ state: 'running', stage: 0 });
    expect(record.reason).toBe('recall@5 not measured (retrieve unavailable): holding stage 1');
    probe.failure = undefined;
    record = await holdStage(record);
    expect(record).toMatchObject({ state: 'running', stage: 1, recallAt5: 0.9 });
  });

  it('refuses a retrieval candidate without a labelled set, and bad settings by field', async () => {
    const { create, store } = setup('refused.json');
    await expect(
      create(retrievalCandidate({ mode: 'keyword', fusion: '', rerank: '', k: 0 })),
    ).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringContaining('ROLLOUT_LABELLED_SET'),
    });
    expect(await store.list('rollout')).toEqual([]);
    await expect(
      create(retrievalCandidate({ mode: 'fuzzy', fusion: 'zz', rerank: 'x', k: 51 })),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: {
        fields: [
          { field: 'candidate.retrieval.mode', message: 'expected vector, keyword, hybrid' },
          { field: 'candidate.retrieval.fusion', message: 'expected rrf, minmax' },
          { field: 'candidate.retrieval.rerank', message: 'expected none, mmr' },
          { field: 'candidate.retrieval.k', message: 'must be 1 to 50 (0: the default)' },
        ],
      },
    });
    // Empty retrieval settings change nothing: the candidate must change something.
    await expect(
      create(retrievalCandidate({ mode: '', fusion: '', rerank: '', k: 0 })),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { fields: [{ field: 'candidate', message: expect.stringContaining('retrieval') }] },
    });
    // A recall floor for a prompt candidate guards nothing: refused rather than ignored.
    await expect(create({ name: '', promptVersion: 'v2', model: '', weight: 0 }, 0.8)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { fields: [{ field: 'min_recall' }] },
    });
  });

  it('a prompt candidate has no recall guard and is never probed', async () => {
    const probe = new FakeProbe();
    const { holdStage, create } = setup('prompt.json', probe);
    let { record } = await create({ name: '', promptVersion: 'v2', model: '', weight: 0 });
    expect(record.recallAt5).toBeUndefined();
    expect(record.minRecall).toBeUndefined();
    record = await holdStage(record);
    expect(record.stage).toBe(1);
    expect(probe.asked).toEqual([]);
  });
});
