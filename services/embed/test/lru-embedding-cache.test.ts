import { describe, expect, it } from '@jest/globals';
import { LruEmbeddingCache } from '../src/adapters/lru-embedding-cache.ts';
import { embeddingCacheContract } from './embedding-cache-contract.ts';

embeddingCacheContract('in-process LRU', () => new LruEmbeddingCache({ maxEntries: 100 }));

describe('LruEmbeddingCache', () => {
  it('evicts the least recently used entry past its size', async () => {
    const cache = new LruEmbeddingCache({ maxEntries: 2 });
    await cache.setMany([
      { key: 'a', vector: Float32Array.from([1]) },
      { key: 'b', vector: Float32Array.from([2]) },
    ]);
    await cache.getMany(['a']);
    await cache.setMany([{ key: 'c', vector: Float32Array.from([3]) }]);
    const values = await cache.getMany(['a', 'b', 'c']);
    expect(values.map((value) => value?.[0])).toEqual([1, undefined, 3]);
  });
});
