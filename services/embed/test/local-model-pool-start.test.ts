import { afterEach, describe, expect, it } from '@jest/globals';
import { LocalModelPool, type LocalModelPoolOptions } from '../src/adapters/local/local-model-pool.ts';

const scriptedLoadWorker = new URL('./fixtures/scripted-load-worker.ts', import.meta.url);
let pool: LocalModelPool | undefined;

afterEach(async () => {
  await pool?.close();
});

/** A pool whose workers fail `failures` loads in all (shared between them) before loading. */
function scriptedPool(
  failures: number,
  options: Partial<LocalModelPoolOptions> & { readyAfterMs?: number } = {},
) {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  counter[0] = failures;
  pool = new LocalModelPool({
    size: 2,
    workerUrl: scriptedLoadWorker,
    workerData: { failures: counter, readyAfterMs: options.readyAfterMs },
    loadRetryDelayMs: 20,
    ...options,
  });
  return pool;
}

describe('LocalModelPool start', () => {
  it('tries a failed load again after a doubling wait, and serves once a try succeeds', async () => {
    const retries: Array<[number, string, number]> = [];
    const started = scriptedPool(2, { size: 1, onLoadRetry: (...retry) => void retries.push(retry) });
    await started.start();
    expect(retries).toEqual([
      [1, expect.stringContaining("Backend 'wasm' has not yet been initialized"), 20],
      [2, expect.stringContaining("Backend 'wasm' has not yet been initialized"), 40],
    ]);
    await expect(started.embed(['four'])).resolves.toEqual([Float32Array.of(4)]);
  });

  it('gives up after loadAttempts tries with one PROVIDER_UNAVAILABLE that says why, and closes', async () => {
    const failing = scriptedPool(1_000, { loadAttempts: 3 });
    const error = await failing.start().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      internal: expect.stringMatching(/^model failed to load: .*wasm.* \(3 of 3 tries failed\)$/),
    });
    await expect(failing.start()).rejects.toBe(error);
    await expect(failing.embed(['x'])).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
  });

  it('makes embed calls that arrive during the start wait for it, all sharing one start', async () => {
    const slow = scriptedPool(0, { readyAfterMs: 200 });
    const early = await Promise.all([
      slow.embed(['a']),
      slow.embed(['bb']),
      slow.start(),
      slow.embed(['ccc']),
    ]);
    expect(early).toEqual([[Float32Array.of(1)], [Float32Array.of(2)], undefined, [Float32Array.of(3)]]);
  });

  it('survives many pools starting at once, each with its share of failed loads', async () => {
    const pools = Array.from({ length: 8 }, (_, index) => {
      const counter = new Int32Array(new SharedArrayBuffer(4));
      counter[0] = index % 3;
      return new LocalModelPool({
        size: 2,
        workerUrl: scriptedLoadWorker,
        workerData: { failures: counter },
        loadRetryDelayMs: 10,
      });
    });
    try {
      await Promise.all(pools.map((each) => each.start()));
      const answers = await Promise.all(pools.map((each) => each.embed(['hello'])));
      expect(answers).toEqual(pools.map(() => [Float32Array.of(5)]));
    } finally {
      await Promise.all(pools.map((each) => each.close()));
    }
  });
});
