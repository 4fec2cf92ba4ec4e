import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from '@jest/globals';

const eagerSourceWorker = new URL('./fixtures/eager-source-worker.ts', import.meta.url);

async function loadInFreshThread(loader: 'initModel' | 'loadLocalModel'): Promise<unknown> {
  const worker = new Worker(eagerSourceWorker, { workerData: { loader } });
  try {
    const [result] = await once(worker, 'message');
    return result;
  } finally {
    await worker.terminate();
  }
}

describe('loading the local model while the wasm backend still initialises', () => {
  it('fails with the library loader alone: the race that lost a start now and then', async () => {
    await expect(loadInFreshThread('initModel')).resolves.toEqual({
      ok: false,
      message: expect.stringContaining("Backend 'wasm' has not yet been initialized"),
    });
  }, 60_000);

  it('waits for the backend before the source runs, so the model loads', async () => {
    await expect(loadInFreshThread('loadLocalModel')).resolves.toEqual({ ok: true, dimensions: 512 });
  }, 60_000);
});
