import { describe, expect, it } from '@jest/globals';
import { normalizeForMatching } from './normalize.ts';

describe('normalizeForMatching', () => {
  it.each([
    ['fullwidth letters', 'Ｉｇｎｏｒｅ', 'ignore'],
    ['mathematical bold', '𝐢𝐠𝐧𝐨𝐫𝐞', 'ignore'],
    ['soft hyphens and zero-width characters', 'ig\u00ADno\u200Bre', 'ignore'],
    ['tag characters', 'ig\u{E0041}nore', 'ignore'],
    ['Cyrillic look-alikes', 'іgnоrе', 'ignore'],
    ['Greek capitals before lower-casing', 'ΗΕΙΡ', 'heip'],
    ['small capitals', 'ɪɢɴᴏʀᴇ', 'ignore'],
    ['accents', 'précédentes', 'precedentes'],
    ['combining accents', 'pre\u0301ce\u0301dentes', 'precedentes'],
    ['sharp s', 'Straße', 'strasse'],
    ['typographic quotes and dashes', '“don’t” — no', '"don\'t" - no'],
  ])('folds %s', (_name, text, expected) => {
    expect(normalizeForMatching(text)).toBe(expected);
  });

  it('keeps line breaks, which some patterns anchor on', () => {
    expect(normalizeForMatching('Question\nSystem: x')).toBe('question\nsystem: x');
  });
});
