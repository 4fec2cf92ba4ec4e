import { describe, expect, it } from '@jest/globals';
import type { Embedder } from '../index/embedder.ts';
import { CachedQueryEmbedder } from './cached-query-embedder.ts';

/** Embeds a text as [its length, its call number], recording every text it was asked for. */
function countingEmbedder(): Embedder & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    model: 'm1',
    asked,
    embed: async (texts) => {
      asked.push(texts);
      return texts.map((text) => [text.length, asked.length]);
    },
  };
}

describe('CachedQueryEmbedder', () => {
  it('answers a repeated text without calling the embed service', async () => {
    const inner = countingEmbedder();
    const cached = new CachedQueryEmbedder(inner, { maxEntries: 10 });
    const first = await cached.embed(['what is lift?']);
    const again = await cached.embed(['what is lift?']);
    expect(again).toEqual(first);
    expect(inner.asked).toEqual([['what is lift?']]);
    expect(cached.model).toBe('m1');
  });

  it('asks only for the texts it lacks and keeps the input order', async () => {
    const inner = countingEmbedder();
    const cached = new CachedQueryEmbedder(inner, { maxEntries: 10 });
    await cached.embed(['bb']);
    const vectors = await cached.embed(['a', 'bb', 'ccc']);
    expect(inner.asked).toEqual([['bb'], ['a', 'ccc']]);
    expect(vectors).toEqual([
      [1, 2],
      [2, 1],
      [3, 2],
    ]);
  });

  it('forgets the least recently used text first', async () => {
    const inner = countingEmbedder();
    const cached = new CachedQueryEmbedder(inner, { maxEntries: 2 });
    await cached.embed(['a']);
    await cached.embed(['b']);
    await cached.embed(['a']); // a is now the most recent
    await cached.embed(['c']); // evicts b
    expect(cached.size).toBe(2);
    await cached.embed(['a', 'b']);
    expect(inner.asked).toEqual([['a'], ['b'], ['c'], ['b']]);
  });

  it('caches nothing with 0 entries, and nothing from a failed call', async () => {
    const inner = countingEmbedder();
    const off = new CachedQueryEmbedder(inner, { maxEntries: 0 });
    await off.embed(['a']);
    await off.embed(['a']);
    expect(inner.asked).toHaveLength(2);

    const failing = new CachedQueryEmbedder(
      { model: 'm', embed: () => Promise.reject(new Error('embed down')) },
      { maxEntries: 5 },
    );
    await expect(failing.embed(['a'])).rejects.toThrow('embed down');
    expect(failing.size).toBe(0);
  });

  it('reports every lookup as a hit or a miss', async () => {
    const lookups: Array<[number, number]> = [];
    const cached = new CachedQueryEmbedder(countingEmbedder(), {
      maxEntries: 5,
      metrics: { queryVectorLookups: (hits, misses) => lookups.push([hits, misses]) },
    });
    await cached.embed(['a', 'b']);
    await cached.embed(['a', 'c']);
    expect(lookups).toEqual([
      [0, 2],
      [1, 1],
    ]);
  });

  it('hands out vectors that a caller cannot change for the next search', async () => {
    const cached = new CachedQueryEmbedder(countingEmbedder(), { maxEntries: 5 });
    const [vector] = await cached.embed(['a']);
    expect(() => {
      vector![0] = 99;
    }).toThrow(TypeError);
  });
});
