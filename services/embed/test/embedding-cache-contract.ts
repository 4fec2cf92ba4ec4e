import { describe, expect, it } from '@jest/globals';
import { embeddingCacheKey, type EmbeddingCache } from '../src/domain/embedding-cache.ts';

/** What every EmbeddingCache adapter must do; each adapter's test file runs this suite. */
export function embeddingCacheContract(name: string, create: () => EmbeddingCache): void {
  describe(`EmbeddingCache contract: ${name}`, () => {
    it('returns stored vectors in key order and undefined for misses', async () => {
      const cache = create();
      const a = embeddingCacheKey('m', `a ${Math.random()}`);
      const b = embeddingCacheKey('m', `b ${Math.random()}`);
      await cache.setMany([
        { key: a, vector: Float32Array.from([0.5, -0.25]) },
        { key: b, vector: Float32Array.from([1, 2]) },
      ]);
      const values = await cache.getMany([b, embeddingCacheKey('m', `absent ${Math.random()}`), a]);
      expect(values.map((value) => (value ? Array.from(value) : undefined))).toEqual([
        [1, 2],
        undefined,
        [0.5, -0.25],
      ]);
    });

    it('answers an empty lookup and an empty write', async () => {
      const cache = create();
      await cache.setMany([]);
      expect(await cache.getMany([])).toEqual([]);
    });

    it('overwrites a key with the latest vector', async () => {
      const cache = create();
      const key = embeddingCacheKey('m', `again ${Math.random()}`);
      await cache.setMany([{ key, vector: Float32Array.from([1]) }]);
      await cache.setMany([{ key, vector: Float32Array.from([2]) }]);
      const [value] = await cache.getMany([key]);
      expect(Array.from(value!)).toEqual([2]);
    });
  });
}
