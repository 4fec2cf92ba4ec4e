import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalEmbeddingProvider } from '../src/adapters/local/local-embedding-provider.ts';
import { LocalModelPool } from '../src/adapters/local/local-model-pool.ts';
import { embeddingProviderContract } from './embedding-provider-contract.ts';

let pool: LocalModelPool;
let provider: LocalEmbeddingProvider;

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

beforeAll(async () => {
  pool = new LocalModelPool({ size: 2 });
  provider = new LocalEmbeddingProvider(pool);
  await pool.start();
}, 60_000);

afterAll(async () => {
  await pool.close();
});

embeddingProviderContract('local model', () => provider);

describe('local Universal Sentence Encoder pool', () => {
  it('gives 512-dimension unit vectors, closer for similar sentences than for unrelated ones', async () => {
    const [cat, kitten, stocks] = await provider.embed([
      'The cat sat on the mat.',
      'A kitten is sitting on the rug.',
      'Quarterly earnings beat analyst expectations on Wall Street.',
    ]);
    for (const vector of [cat!, kitten!, stocks!]) {
      expect(vector).toHaveLength(512);
      expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 3);
    }
    expect(dot(cat!, kitten!)).toBeGreaterThan(dot(cat!, stocks!) + 0.1);
  });

  it('gives the same vector for the same text, whichever worker runs it', async () => {
    const text = 'Boundary layer transition on a swept wing.';
    const results = await Promise.all([
      provider.embed([text]),
      provider.embed([text, 'other']),
      provider.embed([text]),
    ]);
    const [first, second, third] = results.map((vectors) => Array.from(vectors[0]!));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('fails queued work with PROVIDER_UNAVAILABLE once closed', async () => {
    const closing = new LocalModelPool({ size: 1 });
    await closing.close();
    await expect(closing.embed(['x'])).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
  });
});
