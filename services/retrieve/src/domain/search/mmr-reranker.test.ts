import { describe, expect, it } from '@jest/globals';
import { IdentityReranker, MmrReranker } from './mmr-reranker.ts';
import type { RerankCandidate } from './reranker.ts';

const candidate = (chunkId: string, fusedScore: number, vector: number[]): RerankCandidate => ({
  chunkId,
  documentId: chunkId,
  fusedScore,
  vectorScore: 0,
  vectorRank: 0,
  keywordScore: 0,
  keywordRank: 0,
  text: chunkId,
  vector,
});

// a and its near-copy a2 lead; b is less relevant but says something else.
const candidates = [candidate('a', 1, [1, 0]), candidate('a2', 0.9, [2, 0.01]), candidate('b', 0.5, [0, 1])];

describe('MmrReranker', () => {
  it('prefers a different candidate over a near-duplicate of one already picked', async () => {
    // After a: a2 = 0.5 × 0.8 - 0.5 × 1.0 = -0.1, b = 0.5 × 0 - 0.5 × 0 = 0.
    const picked = await new MmrReranker(0.5).rerank('q', candidates, 2);
    expect(picked.map((c) => c.chunkId)).toEqual(['a', 'b']);
  });

  it('is the fused order at lambda 1', async () => {
    const picked = await new MmrReranker(1).rerank('q', candidates, 3);
    expect(picked.map((c) => c.chunkId)).toEqual(['a', 'a2', 'b']);
  });

  it('returns at most k and copes with no candidates', async () => {
    expect(await new MmrReranker(0.7).rerank('q', candidates, 1)).toHaveLength(1);
    expect(await new MmrReranker(0.7).rerank('q', [], 5)).toEqual([]);
  });
});

describe('IdentityReranker', () => {
  it('keeps the first k in order', async () => {
    expect((await new IdentityReranker().rerank('q', candidates, 2)).map((c) => c.chunkId)).toEqual([
      'a',
      'a2',
    ]);
  });
});
