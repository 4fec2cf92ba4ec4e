import { describe, expect, it } from '@jest/globals';
import type { EmbeddingProvider } from '../src/domain/embedding-provider.ts';

/** What every EmbeddingProvider adapter must do; each adapter's test file runs this suite. */
export function embeddingProviderContract(name: string, provider: () => EmbeddingProvider): void {
  describe(`EmbeddingProvider contract: ${name}`, () => {
    it('returns one vector per text, in order, all of the stated dimensions', async () => {
      const texts = ['first text', 'a second, longer text about something else', 'first text'];
      const vectors = (await provider().embed(texts)).map((vector) => Array.from(vector));
      expect(vectors).toHaveLength(3);
      expect(provider().dimensions).toBeGreaterThan(0);
      for (const vector of vectors) expect(vector).toHaveLength(provider().dimensions);
      expect(vectors[2]).toEqual(vectors[0]);
      expect(vectors[1]).not.toEqual(vectors[0]);
    });

    it('gives a text the same vector alone as within a batch', async () => {
      const [alone] = await provider().embed(['stand-alone sentence']);
      const [, inBatch] = await provider().embed(['something before it', 'stand-alone sentence']);
      const difference = Array.from(alone!).reduce(
        (max, value, i) => Math.max(max, Math.abs(value - inBatch![i]!)),
        0,
      );
      expect(difference).toBeLessThan(1e-4);
    });
  });
}
