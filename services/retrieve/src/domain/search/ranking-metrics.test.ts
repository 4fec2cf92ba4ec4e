import { describe, expect, it } from '@jest/globals';
import { mean, ndcgAt, recallAt, reciprocalRank, scoreQuery, uniqueDocuments } from './ranking-metrics.ts';

const judgments = new Map([
  ['a', 2],
  ['b', 1],
  ['z', 0],
]);

describe('ranking metrics', () => {
  it('nDCG@k is 1 for the ideal order and discounts later ranks', () => {
    expect(ndcgAt(['a', 'b'], judgments, 10)).toBeCloseTo(1, 12);
    // dcg = 1/log2(2) + 3/log2(3); ideal = 3 + 1/log2(3)
    expect(ndcgAt(['b', 'a'], judgments, 10)).toBeCloseTo(
      (1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)),
      12,
    );
    expect(ndcgAt(['x', 'a'], judgments, 1)).toBe(0);
    expect(ndcgAt(['a'], new Map(), 10)).toBe(0);
  });

  it('recall and reciprocal rank count only relevant documents', () => {
    expect(recallAt(['z', 'a', 'x'], judgments, 2)).toBe(0.5);
    expect(reciprocalRank(['z', 'x', 'b'], judgments)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank(['z'], judgments)).toBe(0);
  });

  it('counts a document once, at its first chunk, and averages per query', () => {
    expect(uniqueDocuments(['a', 'b', 'a', 'c'])).toEqual(['a', 'b', 'c']);
    const perfect = scoreQuery(['a', 'b'], judgments);
    const empty = scoreQuery([], judgments);
    expect(mean([perfect, empty])).toEqual({ ndcg10: 0.5, recall10: 0.5, recall100: 0.5, mrr: 0.5 });
  });
});
