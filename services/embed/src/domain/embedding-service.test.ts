import { describe, expect, it } from '@jest/globals';
import { isRagfleetError, type RagfleetError } from '@ragfleet/errors';
import type { EmbeddingCache } from './embedding-cache.ts';
import type { EmbeddingProvider } from './embedding-provider.ts';
import { EmbeddingService, type EmbeddingServiceOptions } from './embedding-service.ts';
import { ModelCatalog } from './model-catalog.ts';

/** Vectors that encode their text: [length, code of first char, 1], so order mistakes show. */
function vectorFor(text: string): number[] {
  return [text.length, text.charCodeAt(0), 1];
}

class FakeProvider implements EmbeddingProvider {
  readonly name = 'fake';
  readonly model: string;
  readonly dimensions = 3;
  readonly calls: string[][] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** When set, each call waits for the test to release it. */
  gate: Array<() => void> | undefined;
  failOn: string | undefined;
  /** Called as the model runs, e.g. to advance a fake clock. */
  whileRunning: (() => void) | undefined;

  constructor(model = 'fake-3') {
    this.model = model;
  }

  async embed(texts: string[]): Promise<number[][]> {
    this.calls.push(texts);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.gate) await new Promise<void>((resolve) => this.gate!.push(resolve));
      else await Promise.resolve();
      this.whileRunning?.();
      if (this.failOn && texts.includes(this.failOn)) throw new Error('model crashed');
      return texts.map(vectorFor);
    } finally {
      this.inFlight--;
    }
  }
}

class MapCache implements EmbeddingCache {
  readonly entries = new Map<string, Float32Array>();
  async getMany(keys: string[]) {
    return keys.map((key) => this.entries.get(key));
  }
  async setMany(entries: Array<{ key: string; vector: Float32Array }>) {
    for (const { key, vector } of entries) this.entries.set(key, vector);
  }
}

function unit(values: number[]): number[] {
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
}

function setup(options: Partial<EmbeddingServiceOptions> = {}, provider = new FakeProvider()) {
  const cache = new MapCache();
  const service = new EmbeddingService({
    catalog: new ModelCatalog([provider], provider.model),
    cache,
    batchSize: 2,
    concurrency: 2,
    ...options,
  });
  return { service, provider, cache };
}

async function rejection(promise: Promise<unknown>): Promise<RagfleetError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isRagfleetError(error)) throw new Error(`expected a RagfleetError, got ${String(error)}`);
  return error;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('EmbeddingService', () => {
  it('returns unit vectors in input order, batching only what the cache misses', async () => {
    const { service, provider } = setup({ batchSize: 2 });
    const texts = ['a', 'bb', 'ccc', 'dddd', 'eeeee'];
    const result = await service.embed({ texts });
    expect(result.model).toBe('fake-3');
    expect(result.dimensions).toBe(3);
    expect(result.cacheHits).toBe(0);
    result.vectors.forEach((vector, index) => {
      const expected = unit(vectorFor(texts[index]!));
      expect(Array.from(vector).map((value) => value.toFixed(5))).toEqual(
        expected.map((value) => value.toFixed(5)),
      );
    });
    expect(provider.calls).toEqual([['a', 'bb'], ['ccc', 'dddd'], ['eeeee']]);
  });

  it('serves repeated texts from the cache and embeds only the new ones', async () => {
    const { service, provider } = setup();
    await service.embed({ texts: ['one', 'two'] });
    provider.calls.length = 0;
    const result = await service.embed({ texts: ['two', 'three', 'one'] });
    expect(result.cacheHits).toBe(2);
    expect(provider.calls).toEqual([['three']]);
    expect(result.vectors[0]![0]).toBeCloseTo(unit(vectorFor('two'))[0]!, 5);
    expect(result.vectors[2]![0]).toBeCloseTo(unit(vectorFor('one'))[0]!, 5);
  });

  it('embeds a text repeated within one request once', async () => {
    const { service, provider } = setup({ batchSize: 10 });
    const result = await service.embed({ texts: ['same', 'other', 'same'] });
    expect(provider.calls).toEqual([['same', 'other']]);
    expect(Array.from(result.vectors[2]!)).toEqual(Array.from(result.vectors[0]!));
  });

  it('keeps cache entries apart per model', async () => {
    const small = new FakeProvider('small');
    const large = new FakeProvider('large');
    const service = new EmbeddingService({
      catalog: new ModelCatalog([small, large], 'small'),
      cache: new MapCache(),
      batchSize: 4,
      concurrency: 1,
    });
    await service.embed({ texts: ['x'] });
    const result = await service.embed({ texts: ['x'], model: 'large' });
    expect(result).toMatchObject({ model: 'large', cacheHits: 0 });
    expect(large.calls).toEqual([['x']]);
  });

  it('never runs more provider calls at once than the concurrency bound, across requests', async () => {
    const provider = new FakeProvider();
    provider.gate = [];
    const { service } = setup({ batchSize: 1, concurrency: 2 }, provider);
    const first = service.embed({ texts: ['a', 'b', 'c'] });
    const second = service.embed({ texts: ['d', 'e'] });
    await flush();
    expect(provider.inFlight).toBe(2);
    while (provider.calls.length < 5 || provider.gate.length > 0) {
      provider.gate.shift()?.();
      await flush();
    }
    await Promise.all([first, second]);
    expect(provider.maxInFlight).toBe(2);
    expect(provider.calls.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('writes computed vectors to the cache', async () => {
    const { service, cache } = setup();
    await service.embed({ texts: ['cached later'] });
    expect(cache.entries.size).toBe(1);
    const [key] = cache.entries.keys();
    expect(key).toMatch(/^fake-3:[0-9a-f]{64}$/);
  });

  it('rejects bad input with INVALID_ARGUMENT naming the field', async () => {
    const { service, provider } = setup({ limits: { maxTexts: 3, maxTextChars: 10 } });
    expect(await rejection(service.embed({ texts: [] }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'texts', reason: 'empty' },
    });
    expect(await rejection(service.embed({ texts: ['a', ' \n', 'b'] }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'texts[1]', reason: 'empty' },
    });
    expect(await rejection(service.embed({ texts: ['a', 'b', 'c', 'd'] }))).toMatchObject({
      details: { field: 'texts', reason: 'too_many', limit: 3 },
    });
    expect(await rejection(service.embed({ texts: ['ok', 'x'.repeat(11)] }))).toMatchObject({
      details: { field: 'texts[1]', reason: 'too_long', limit: 10 },
    });
    expect(await rejection(service.embed({ texts: ['a'], model: 'nope' }))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'model', available: ['fake-3'] },
    });
    expect(provider.calls).toEqual([]);
  });

  it('turns a provider failure into PROVIDER_UNAVAILABLE and caches nothing from the failed request', async () => {
    const provider = new FakeProvider();
    provider.failOn = 'boom';
    const { service, cache } = setup({ batchSize: 1, concurrency: 1 }, provider);
    const error = await rejection(service.embed({ texts: ['fine', 'boom', 'never'] }));
    expect(error.code).toBe('PROVIDER_UNAVAILABLE');
    expect(error.internal).toContain('model crashed');
    // The batch queued behind the failure is abandoned rather than sent to the model.
    expect(provider.calls).toEqual([['fine'], ['boom']]);
    expect(cache.entries.size).toBe(0);
  });

  it('stops before queued batches when the caller cancels', async () => {
    const provider = new FakeProvider();
    provider.gate = [];
    const { service } = setup({ batchSize: 1, concurrency: 1 }, provider);
    const controller = new AbortController();
    const pending = service.embed({ texts: ['a', 'b', 'c'], signal: controller.signal });
    await flush();
    controller.abort();
    provider.gate.shift()?.();
    expect((await rejection(pending)).code).toBe('CANCELLED');
    expect(provider.calls).toEqual([['a']]);
  });

  it('reports cache hits, misses and batches to the observer', async () => {
    const seen: string[] = [];
    let clock = 0;
    const provider = new FakeProvider();
    provider.whileRunning = () => (clock += 250);
    const { service } = setup(
      {
        batchSize: 2,
        concurrency: 1,
        now: () => clock,
        observer: {
          cacheLookedUp: (hits, misses) => seen.push(`lookup ${hits}/${misses}`),
          batchEmbedded: (name, model, size, seconds) => seen.push(`${name} ${model} ${size} ${seconds}s`),
        },
      },
      provider,
    );
    await service.embed({ texts: ['a', 'b', 'c'] });
    await service.embed({ texts: ['a', 'd'] });
    expect(seen).toEqual([
      'lookup 0/3',
      'fake fake-3 2 0.25s',
      'fake fake-3 1 0.25s',
      'lookup 1/1',
      'fake fake-3 1 0.25s',
    ]);
  });
});
