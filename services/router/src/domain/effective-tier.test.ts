import { describe, expect, it } from '@jest/globals';
import { effectiveTier } from './effective-tier.ts';

describe('effectiveTier', () => {
  it.each([
    ['', undefined, ''],
    ['premium', undefined, 'premium'],
    ['', 'standard', 'standard'],
    ['free', 'premium', 'free'],
    ['enterprise', 'standard', 'standard'],
    ['gold', 'standard', 'gold'],
  ])('asked %j with identity %j routes for %j', (requested, identity, expected) => {
    expect(effectiveTier(requested, identity)).toBe(expected);
  });
});
