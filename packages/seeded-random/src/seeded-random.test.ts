import { describe, expect, it } from '@jest/globals';
import { seededRandom } from './index.ts';

describe('seededRandom', () => {
  it('repeats from its seed, differs between seeds, and stays in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 1_000 }, seededRandom(seed));
    expect(take(7)).toEqual(take(7));
    expect(take(8)).not.toEqual(take(7));
    const values = take(42);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    // Roughly uniform: each tenth of the range holds about a tenth of 1,000 draws.
    for (let decile = 0; decile < 10; decile++) {
      const count = values.filter((value) => Math.floor(value * 10) === decile).length;
      expect(count).toBeGreaterThan(60);
      expect(count).toBeLessThan(140);
    }
  });
});
