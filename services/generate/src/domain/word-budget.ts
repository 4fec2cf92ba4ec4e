/** The text up to its `maxWords`-th word, with its own spacing; the whole text when it fits. */
export function trimToWords(text: string, maxWords: number): string {
  let count = 0;
  for (const match of text.matchAll(/\S+/g)) {
    count++;
    if (count === maxWords) return text.slice(0, match.index + match[0].length);
  }
  return text;
}
