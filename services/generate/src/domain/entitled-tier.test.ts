import { describe, expect, it } from '@jest/globals';
import { entitledTier } from './entitled-tier.ts';

describe('entitledTier', () => {
  it('caps the requested tier at the authenticated one', () => {
    expect(entitledTier('premium', 'free')).toBe('free');
    expect(entitledTier('standard', 'premium')).toBe('standard');
    expect(entitledTier('', 'standard')).toBe('standard');
    expect(entitledTier('enterprise', 'premium')).toBe('premium');
    expect(entitledTier('premium', 'enterprise')).toBe('premium');
  });

  it('lets internal callers (no authenticated tier) choose', () => {
    expect(entitledTier('premium', undefined)).toBe('premium');
    expect(entitledTier('', undefined)).toBe('');
  });

  it('leaves an unknown requested tier for the router to reject', () => {
    expect(entitledTier('platinum', 'free')).toBe('platinum');
  });
});
