/**
 * Letters from other scripts that a reader takes for Latin ones: "іgnоrе" with Cyrillic і, о, е
 * reads as "ignore" but matches no English pattern. NFKC already folds fullwidth forms,
 * mathematical alphanumerics and circled letters; these are the look-alikes it leaves alone
 * (after Unicode's confusables list, UTS #39, restricted to letters that really pass for Latin in
 * running text). Folding real Greek or Russian text this way only produces nonsense Latin, which no
 * pattern matches: the fold is for matching, never for display.
 */

/** Capitals that look Latin while their lower-case forms do not (Greek Η is H, but η is not h). */
const CAPITALS: Record<string, string> = {
  // Cyrillic
  А: 'a',
  В: 'b',
  Е: 'e',
  Ѕ: 's',
  І: 'i',
  Ј: 'j',
  К: 'k',
  М: 'm',
  Н: 'h',
  О: 'o',
  Р: 'p',
  С: 'c',
  Т: 't',
  Х: 'x',
  У: 'y',
  Ү: 'y',
  Ԛ: 'q',
  Ԝ: 'w',
  Ӏ: 'l',
  // Greek
  Α: 'a',
  Β: 'b',
  Ε: 'e',
  Ζ: 'z',
  Η: 'h',
  Ι: 'i',
  Κ: 'k',
  Μ: 'm',
  Ν: 'n',
  Ο: 'o',
  Ρ: 'p',
  Τ: 't',
  Υ: 'y',
  Χ: 'x',
  Ϲ: 'c',
  Ϳ: 'j',
};

const SMALL: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  г: 'r',
  ԁ: 'd',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 't',
  у: 'y',
  ү: 'y',
  ԝ: 'w',
  х: 'x',
  с: 'c',
  ь: 'b',
  // Greek
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ϲ: 'c',
  ϳ: 'j',
  // Armenian
  օ: 'o',
  ո: 'n',
  ս: 'u',
  հ: 'h',
  զ: 'q',
  ց: 'g',
  // Latin letters that pass for others: dotless i and j, script a and g, small capitals
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ꜰ: 'f',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ǫ: 'q',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
};

const pattern = (table: Record<string, string>) => new RegExp(`[${Object.keys(table).join('')}]`, 'gu');
const CAPITAL_PATTERN = pattern(CAPITALS);
const SMALL_PATTERN = pattern(SMALL);

/** Folds look-alike capitals; call before lower-casing (which would turn Greek Η into η). */
export function foldCapitalHomoglyphs(text: string): string {
  return text.replace(CAPITAL_PATTERN, (letter) => CAPITALS[letter] ?? letter);
}

/** Folds look-alike small letters; call after lower-casing. */
export function foldSmallHomoglyphs(text: string): string {
  return text.replace(SMALL_PATTERN, (letter) => SMALL[letter] ?? letter);
}
