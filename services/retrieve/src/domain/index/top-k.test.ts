import { describe, expect, it } from '@jest/globals';
import { topK } from './top-k.ts';

const higher = (a: number, b: number) => a > b;

describe('topK', () => {
  it('returns the best entries, best first, like a full sort would', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 1000;
    const values = Array.from({ length: 5_000 }, random);
    for (const limit of [1, 5, 100, 5_000, 6_000]) {
      expect(topK(values, limit, higher)).toEqual([...values].sort((a, b) => b - a).slice(0, limit));
    }
  });

  it('breaks ties with the comparator, so the order is deterministic', () => {
    const entries = [
      { id: 'c', score: 1 },
      { id: 'a', score: 1 },
      { id: 'b', score: 2 },
    ];
    const before = (x: (typeof entries)[0], y: (typeof entries)[0]) =>
      x.score > y.score || (x.score === y.score && x.id < y.id);
    expect(topK(entries, 2, before).map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('returns nothing for a limit of zero', () => {
    expect(topK([1, 2, 3], 0, higher)).toEqual([]);
  });
});
