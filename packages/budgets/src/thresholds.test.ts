import { describe, expect, it } from '@jest/globals';
import { crossedThresholds, thresholdLevel } from './thresholds.ts';

describe('budget thresholds', () => {
  it('reaches 80 at four fifths and 100 at the limit', () => {
    expect(thresholdLevel(799_999, 1_000_000)).toBe(0);
    expect(thresholdLevel(800_000, 1_000_000)).toBe(80);
    expect(thresholdLevel(999_999, 1_000_000)).toBe(80);
    expect(thresholdLevel(1_000_000, 1_000_000)).toBe(100);
    expect(thresholdLevel(3_000_000, 1_000_000)).toBe(100);
    expect(thresholdLevel(0, 0)).toBe(0);
  });

  it('lists every threshold passed by one jump', () => {
    expect(crossedThresholds(0, 100)).toEqual([80, 100]);
    expect(crossedThresholds(80, 100)).toEqual([100]);
    expect(crossedThresholds(80, 80)).toEqual([]);
    expect(crossedThresholds(100, 0)).toEqual([]);
  });
});
