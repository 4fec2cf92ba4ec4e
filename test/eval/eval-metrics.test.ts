import { describe, expect, it } from '@jest/globals';
import {
  mean,
  ndcgAt,
  recallAt,
  reciprocalRank,
  scoreQuery,
  uniqueDocuments,
} from '../../scripts/eval/metrics.ts';

// a: rel 3 (gain 7), b: rel 1 (gain 1), c: rel 2 (gain 3); x, y unjudged.
const judged = new Map([
  ['a', 3],
  ['b', 1],
  ['c', 2],
]);

describe('ndcgAt', () => {
  it('is 1 for the ideal order', () => {
    expect(ndcgAt(['a', 'c', 'b'], judged, 10)).toBeCloseTo(1, 10);
  });

  it('matches a hand computation', () => {
    // DCG = 0/log2 2 + 7/log2 3 + 1/log2 4 = 4.416508 + 0.5 = 4.916508
    // IDCG = 7 + 3/log2 3 + 1/2 = 7 + 1.892789 + 0.5 = 9.392789
    expect(ndcgAt(['x', 'a', 'b'], judged, 10)).toBeCloseTo(4.916508 / 9.392789, 5);
  });

  it('cuts at k, on both sides', () => {
    // k = 1: DCG = 3 (c), IDCG = 7 (a)
    expect(ndcgAt(['c', 'a'], judged, 1)).toBeCloseTo(3 / 7, 10);
    expect(ndcgAt(['x'], judged, 10)).toBe(0);
    expect(ndcgAt(['a'], new Map(), 10)).toBe(0);
  });
});

describe('recallAt and reciprocalRank', () => {
  it('counts relevant documents found in the top k', () => {
    expect(recallAt(['x', 'a', 'y', 'b'], judged, 2)).toBeCloseTo(1 / 3, 10);
    expect(recallAt(['x', 'a', 'y', 'b'], judged, 100)).toBeCloseTo(2 / 3, 10);
    expect(recallAt(['a'], new Map([['a', 0]]), 10)).toBe(0);
  });

  it('is 1 / rank of the first relevant document', () => {
    expect(reciprocalRank(['x', 'y', 'c'], judged)).toBeCloseTo(1 / 3, 10);
    expect(reciprocalRank(['x'], judged)).toBe(0);
  });
});

describe('aggregation', () => {
  it('counts a document once, at its first chunk', () => {
    expect(uniqueDocuments(['a', 'b', 'a', 'c', 'b'])).toEqual(['a', 'b', 'c']);
  });

  it('averages per-query scores', () => {
    const perfect = scoreQuery(['a', 'c', 'b'], judged);
    const none = scoreQuery(['x'], judged);
    expect(perfect).toEqual({ ndcg10: expect.any(Number), recall10: 1, recall100: 1, mrr: 1 });
    expect(mean([perfect, none])).toEqual({
      ndcg10: expect.closeTo(0.5, 10),
      recall10: 0.5,
      recall100: 0.5,
      mrr: 0.5,
    });
  });
});
