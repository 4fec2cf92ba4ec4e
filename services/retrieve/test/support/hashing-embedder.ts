import { createHash } from 'node:crypto';
import type { Embedder } from '../../src/domain/index/embedder.ts';

/**
 * A deterministic bag-of-words embedder: each word adds ±1 to a hashed dimension. Texts sharing
 * words point the same way, so search results are predictable without the embed service.
 */
export class HashingEmbedder implements Embedder {
  readonly model = 'test-hashing';
  readonly dimensions: number;
  calls = 0;

  constructor(dimensions = 64) {
    this.dimensions = dimensions;
  }

  async embed(texts: string[]): Promise<number[][]> {
    this.calls += 1;
    return texts.map((text) => this.vector(text));
  }

  vector(text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    vector[0] = 1e-3; // never the zero vector, which has no direction
    for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
      const digest = createHash('sha1').update(word).digest();
      const slot = digest.readUInt32BE(0) % this.dimensions;
      vector[slot] = (vector[slot] ?? 0) + ((digest[4] ?? 0) & 1 ? 1 : -1);
    }
    return vector;
  }
}
