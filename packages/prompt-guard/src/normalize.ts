import { foldCapitalHomoglyphs, foldSmallHomoglyphs } from './homoglyphs.ts';
import { INVISIBLE_FOR_MATCHING } from './invisible.ts';

const PUNCTUATION: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u02BC': "'",
  '`': "'",
  '\u00B4': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  ß: 'ss',
};
const PUNCTUATION_PATTERN = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'gu');

/**
 * The text as the patterns read it: compatibility forms folded (NFKC: fullwidth, ligatures,
 * mathematical letters), invisible characters removed, look-alike letters folded to Latin,
 * lower case, accents dropped (so "précédentes", "precedentes" and "pre\u0301ce\u0301dentes" are
 * one word), typographic quotes and dashes made ASCII. Line breaks are kept: some patterns look
 * at the start of a line.
 */
export function normalizeForMatching(text: string): string {
  const compatible = text.normalize('NFKC').replace(INVISIBLE_FOR_MATCHING, '');
  const lower = foldSmallHomoglyphs(foldCapitalHomoglyphs(compatible).toLowerCase());
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(PUNCTUATION_PATTERN, (character) => PUNCTUATION[character] ?? character);
}
