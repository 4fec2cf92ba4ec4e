import { afterEach, describe, expect, it } from '@jest/globals';
import { LocalModelPool } from '../src/adapters/local/local-model-pool.ts';

const scriptedWorker = new URL('./fixtures/scripted-worker.ts', import.meta.url);
let pool: LocalModelPool | undefined;

afterEach(async () => {
  await pool?.close();
});

describe('LocalModelPool dispatch', () => {
  it('spreads batches over idle workers and queues the rest', async () => {
    pool = new LocalModelPool({ size: 2, workerUrl: scriptedWorker });
    const results = await Promise.all(['a', 'bb', 'ccc', 'dddd', 'eeeee'].map((text) => pool!.embed([text])));
    expect(results.map((vectors) => vectors[0]![0])).toEqual([1, 2, 3, 4, 5]);
    const threads = new Set(results.map((vectors) => vectors[0]![1]));
    expect(threads.size).toBe(2);
  });

  it('splits a batch answer into one vector per text', async () => {
    pool = new LocalModelPool({ size: 1, workerUrl: scriptedWorker });
    const vectors = await pool.embed(['x', 'yy', 'zzz']);
    expect(vectors.map((vector) => Array.from(vector).length)).toEqual([2, 2, 2]);
    expect(vectors.map((vector) => vector[0])).toEqual([1, 2, 3]);
  });

  it('fails the batch of a worker that dies, replaces the worker and keeps serving', async () => {
    const lost: string[] = [];
    pool = new LocalModelPool({
      size: 1,
      workerUrl: scriptedWorker,
      onWorkerLost: (reason) => lost.push(reason),
    });
    const [crashed, queued] = await Promise.allSettled([pool.embed(['crash']), pool.embed(['after'])]);
    expect(crashed).toMatchObject({ status: 'rejected', reason: { code: 'PROVIDER_UNAVAILABLE' } });
    expect(queued).toMatchObject({ status: 'fulfilled' });
    expect(lost).toEqual(['worker exited with code 3']);
    expect((await pool.embed(['again']))[0]![0]).toBe(5);
  });
});
