import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { uniqueSuffix } from '@ragfleet/testing';
import { FileExperimentStore } from '../src/experiments/adapters/file-experiment-store.ts';
import { RedisExperimentStore } from '../src/experiments/adapters/redis-experiment-store.ts';
import type { ExperimentRecord } from '../src/experiments/domain/records.ts';
import type { ExperimentStore } from '../src/experiments/domain/store.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const dir = mkdtempSync(join(tmpdir(), 'ragfleet-exp-store-'));
const prefix = `test:experiments:${uniqueSuffix()}:`;
const redis = new Redis(REDIS_URL);

const opened: ExperimentStore[] = [];
afterAll(async () => {
  for (const store of opened) if (store instanceof FileExperimentStore) await store.close();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const experiment = (id: string, family = 'answer'): ExperimentRecord => ({
  id,
  revision: 1,
  name: id,
  family,
  variants: [
    { name: 'a', weight: 1 },
    { name: 'b', promptVersion: 'v2', weight: 1 },
  ],
  metric: 'thumbs_up_rate',
  minSamples: 100,
  alpha: 0.05,
  maxSamples: 0,
  state: 'running',
  looks: 0,
  winner: '',
  decision: '',
  createdAt: `2026-12-01T00:00:0${id.length % 10}.000Z`,
  endedAt: '',
});

/** One suite, every adapter: what the domain relies on of the experiment store. */
function contract(name: string, open: (tag: string) => ExperimentStore) {
  describe(`ExperimentStore contract: ${name}`, () => {
    it('creates a record and claims its family; a second change on the family is refused until released', async () => {
      const store = open('family');
      expect(await store.create('experiment', experiment('e1'))).toEqual({ created: true });
      expect(
        await store.create('rollout', {
          ...experiment('r1'),
          candidate: { name: 'candidate', weight: 1 },
          stages: [],
          stage: 0,
          maxErrorRate: 0.01,
          minQuality: 0.5,
          minRated: 1,
          reason: '',
          stageStartedAt: '',
        } as never),
      ).toEqual({ heldBy: 'experiment:e1' });
      expect(await store.get('rollout', 'r1')).toBeUndefined();
      await store.releaseFamily('answer', 'experiment:other');
      expect(await store.create('experiment', experiment('e2'))).toEqual({ heldBy: 'experiment:e1' });
      await store.releaseFamily('answer', 'experiment:e1');
      expect(await store.create('experiment', experiment('e2'))).toEqual({ created: true });
      expect((await store.list('experiment')).map((e) => e.id).sort()).toEqual(['e1', 'e2']);
      expect(await store.get('experiment', 'missing')).toBeUndefined();
    });

    it('replaces by compare-and-set on the revision', async () => {
      const store = open('cas');
      await store.create('experiment', experiment('e3', 'cas'));
      expect(await store.replace('experiment', { ...experiment('e3', 'cas'), looks: 1 }, 1)).toBe(true);
      expect(await store.replace('experiment', { ...experiment('e3', 'cas'), looks: 9 }, 1)).toBe(false);
      expect(await store.get('experiment', 'e3')).toMatchObject({ revision: 2, looks: 1 });
    });

    it('adds counters, remembers assignments and counts a rating once', async () => {
      const store = open('counters');
      await store.addCounters('experiment:e9', 'a', { answers: 1, costUsd: 0.25, costSq: 0.0625 });
      await store.addCounters('experiment:e9', 'a', { answers: 1, errors: 1 });
      await store.addCounters('experiment:e9', 'b|x', { rated: 1, thumbsUp: 1 });
      const rows = await store.counters('experiment:e9');
      expect(rows.a).toMatchObject({ answers: 2, errors: 1, costUsd: 0.25, rated: 0 });
      expect(rows['b|x']).toMatchObject({ rated: 1, thumbsUp: 1, answers: 0 });
      expect(await store.counters('experiment:none')).toEqual({});
      const assignment = {
        kind: 'experiment' as const,
        ownerId: 'e9',
        bucket: 'experiment:e9',
        variant: 'a',
      };
      await store.assign('answer-1', assignment, 60);
      expect(await store.assignment('answer-1')).toEqual(assignment);
      expect(await store.assignment('answer-2')).toBeUndefined();
      expect(await store.firstRating('answer-1', 60)).toBe(true);
      expect(await store.firstRating('answer-1', 60)).toBe(false);
    });

    it('keeps promoted defaults and leases one holder at a time', async () => {
      const store = open('defaults');
      await store.setDefault('answer', { promptVersion: 'v2', source: 'experiment:e1', at: 'now' });
      expect((await store.defaults()).answer).toEqual({
        promptVersion: 'v2',
        source: 'experiment:e1',
        at: 'now',
      });
      expect(await store.claimLease('controller', 'one', 60_000)).toBe(true);
      expect(await store.claimLease('controller', 'two', 60_000)).toBe(false);
      expect(await store.claimLease('controller', 'one', 60_000)).toBe(true);
      expect(await store.claimLease('other', 'two', 1)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await store.claimLease('other', 'three', 1)).toBe(true);
    });
  });
}

contract('file', (tag) => {
  const store = new FileExperimentStore(join(dir, `${tag}.json`));
  opened.push(store);
  return store;
});
contract('redis', (tag) => new RedisExperimentStore(redis, `${prefix}${tag}:`));

describe('FileExperimentStore', () => {
  it('survives a restart: records, counters and defaults are read back from the file', async () => {
    const path = join(dir, 'restart.json');
    const first = new FileExperimentStore(path);
    await first.create('experiment', experiment('kept'));
    await first.addCounters('experiment:kept', 'a', { answers: 3 });
    await first.setDefault('answer', { promptVersion: 'v1', source: 'rollout:r', at: 'now' });
    await first.close();
    const second = new FileExperimentStore(path);
    expect(await second.get('experiment', 'kept')).toMatchObject({ state: 'running' });
    expect((await second.counters('experiment:kept')).a?.answers).toBe(3);
    expect((await second.defaults()).answer?.source).toBe('rollout:r');
    expect(await second.create('experiment', experiment('next'))).toEqual({ heldBy: 'experiment:kept' });
    await second.close();
  });
});
