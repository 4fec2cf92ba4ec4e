import { describe, expect, it } from '@jest/globals';
import { trimToWords } from './word-budget.ts';

describe('trimToWords', () => {
  it('keeps the first words with their own spacing and leaves a text that fits alone', () => {
    expect(trimToWords('One  two\nthree four', 3)).toBe('One  two\nthree');
    expect(trimToWords('One two', 2)).toBe('One two');
    expect(trimToWords('One two', 5)).toBe('One two');
    expect(trimToWords('', 5)).toBe('');
  });
});
