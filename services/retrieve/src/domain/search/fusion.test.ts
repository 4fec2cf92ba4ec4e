import { describe, expect, it } from '@jest/globals';
import { fuse, single, type RankedHit } from './fusion.ts';

const hit = (chunkId: string, score: number): RankedHit => ({ chunkId, documentId: chunkId, score });
const vector = [hit('a', 0.9), hit('b', 0.5)];
const keyword = [hit('b', 10), hit('c', 4)];

describe('fuse', () => {
  it('weighted reciprocal rank: Σ weight / (k + rank)', () => {
    const fused = fuse(vector, keyword, { method: 'rrf', weights: { vector: 0.5, keyword: 0.5 }, rrfK: 60 });
    expect(fused.map((h) => h.chunkId)).toEqual(['b', 'a', 'c']);
    expect(fused[0]?.fusedScore).toBeCloseTo(0.5 / 62 + 0.5 / 61, 10);
    expect(fused[1]?.fusedScore).toBeCloseTo(0.5 / 61, 10);
    expect(fused[2]?.fusedScore).toBeCloseTo(0.5 / 62, 10);
    expect(fused[0]).toMatchObject({ vectorScore: 0.5, vectorRank: 2, keywordScore: 10, keywordRank: 1 });
    expect(fused[1]).toMatchObject({ vectorRank: 1, keywordRank: 0, keywordScore: 0 });
  });

  it('lets the weights decide between the rankings', () => {
    const options = { method: 'rrf' as const, rrfK: 1 };
    const vectorFirst = fuse([hit('a', 1)], [hit('c', 1)], {
      ...options,
      weights: { vector: 0.8, keyword: 0.2 },
    });
    const keywordFirst = fuse([hit('a', 1)], [hit('c', 1)], {
      ...options,
      weights: { vector: 0.2, keyword: 0.8 },
    });
    expect(vectorFirst.map((h) => h.chunkId)).toEqual(['a', 'c']);
    expect(keywordFirst.map((h) => h.chunkId)).toEqual(['c', 'a']);
  });

  it('min-max: scales each ranking to [0, 1], absent counts 0', () => {
    const fused = fuse(vector, keyword, {
      method: 'minmax',
      weights: { vector: 0.3, keyword: 0.7 },
      rrfK: 60,
    });
    expect(fused.map((h) => [h.chunkId, Number(h.fusedScore.toFixed(6))])).toEqual([
      ['b', 0.7],
      ['a', 0.3],
      ['c', 0],
    ]);
  });

  it('z-score: standardizes each ranking, absent counts as its lowest z', () => {
    // vector: mean 0.7, std 0.2 -> a +1, b -1; keyword: mean 7, std 3 -> b +1, c -1.
    const fused = fuse([...vector, hit('d', 0.7)], keyword, {
      method: 'zscore',
      weights: { vector: 0.25, keyword: 0.75 },
      rrfK: 60,
    });
    const byId = Object.fromEntries(fused.map((h) => [h.chunkId, h.fusedScore]));
    // vector now a 0.9, b 0.5, d 0.7: mean 0.7, std sqrt(0.08/3) = 0.163299 -> a 1.224745, b -1.224745, d 0
    expect(byId.b).toBeCloseTo(0.25 * -1.224745 + 0.75 * 1, 5);
    expect(byId.a).toBeCloseTo(0.25 * 1.224745 + 0.75 * -1, 5);
    expect(byId.c).toBeCloseTo(0.25 * -1.224745 + 0.75 * -1, 5);
    expect(byId.d).toBeCloseTo(0 + 0.75 * -1, 5);
    expect(fused.map((h) => h.chunkId)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('handles an empty ranking and equal scores', () => {
    expect(
      fuse([], keyword, { method: 'zscore', weights: { vector: 0.5, keyword: 0.5 }, rrfK: 60 }),
    ).toHaveLength(2);
    const flat = fuse([hit('a', 1), hit('b', 1)], [], {
      method: 'minmax',
      weights: { vector: 1, keyword: 0 },
      rrfK: 1,
    });
    expect(flat.map((h) => [h.chunkId, h.fusedScore])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });
});

describe('single', () => {
  it('keeps one ranking with its component scores', () => {
    expect(single(keyword, 'keyword')[1]).toEqual({
      chunkId: 'c',
      documentId: 'c',
      fusedScore: 4,
      vectorScore: 0,
      vectorRank: 0,
      keywordScore: 4,
      keywordRank: 2,
    });
  });
});
