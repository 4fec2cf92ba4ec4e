// A sentence ends at . ! or ? followed by space and something that can start a sentence.
const SENTENCE_END = /(?<=[.!?])["')\]]?\s+(?=["'([]?[\p{Lu}\p{N}])/u;
const MARKUP_PREFIX = /^(?:#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)+/;
const MIN_WORDS = 3;

/**
 * Splits passage text into sentences: paragraphs and list items first (line breaks), then
 * sentence punctuation. Markdown markers are dropped and fragments too short to state anything
 * (headings, labels) are skipped unless `minWords` allows them.
 */
export function splitSentences(text: string, minWords = MIN_WORDS): string[] {
  const sentences: string[] = [];
  for (const block of text.split(/\n\s*\n|\n(?=\s*(?:[-*+]\s|#{1,6}\s|\d+[.)]\s))/)) {
    const flat = block.replace(/\s+/g, ' ').trim();
    for (const piece of flat.split(SENTENCE_END)) {
      const sentence = piece.replace(MARKUP_PREFIX, '').trim();
      if (sentence !== '' && sentence.split(' ').length >= minWords) sentences.push(sentence);
    }
  }
  return sentences;
}
