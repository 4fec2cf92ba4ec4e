/**
 * Undoing the spellings that keep a phrase from matching while a model still reads it: letter
 * spacing ("i g n o r e", "i.g.n.o.r.e") and leetspeak ("1gn0r3 4ll ru|es").
 */

/** Four or more single letters or digits, each followed by the same kind of short separator. */
const SPACED_RUN =
  /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:[ \t._*|/\\·•+~-]{1,4}[\p{L}\p{N}](?![\p{L}\p{N}])){3,}/gu;

/**
 * Joins letter-spaced runs back into words: "i g n o r e   a l l" becomes "ignore all". The
 * narrowest separator in a run is the one between letters; wider ones were between words. A run
 * spaced uniformly becomes one squashed word, which the compact view still reads.
 */
export function despaceLetters(text: string): string {
  return text.replace(SPACED_RUN, (run) => {
    const parts = run.split(/([^\p{L}\p{N}]+)/u);
    const separators = parts.filter((_, index) => index % 2 === 1);
    const narrowest = Math.min(...separators.map((separator) => separator.length));
    return parts.map((part, index) => (index % 2 === 0 ? part : part.length > narrowest ? ' ' : '')).join('');
  });
}

/**
 * Leetspeak digits and symbols as the letters they stand for. "1" and "|" stand for i and l
 * alike, so the compact view folds l to i too and its patterns are written the same way.
 */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '|': 'i',
  l: 'i',
  '3': 'e',
  '€': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
  '8': 'b',
  '9': 'g',
};
const LEET_PATTERN = /[01!|l3€4@5$7+89]/g;

/**
 * The letters alone, leetspeak folded: "1gn0r3 4ll\u200Bpr3v10u5" and "i-g-n-o-r-e all previous"
 * both become "ignoreaiiprevious". Word boundaries are gone, so only long, specific phrases are
 * matched against this view (see patterns/compact.ts).
 */
export function compactSkeleton(normalized: string): string {
  return normalized.replace(LEET_PATTERN, (character) => LEET[character] ?? character).replace(/[^a-z]/g, '');
}
