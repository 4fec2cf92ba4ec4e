import type { TextChunk } from './chunker.ts';
import { chunkSpan, trimSpan } from './spans.ts';

// A sentence ends at . ! ? (or the ideographic full stop), optionally closed by a quote or bracket,
// followed by whitespace or the end of the text; a blank line ends one too (headings, list items).
const SENTENCE_END = /[.!?。]["')\]]?(?=\s|$)|\n\s*\n/g;

/** The sentences of a text as trimmed spans. */
export function splitSentences(text: string): TextChunk[] {
  const sentences: TextChunk[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match; match = SENTENCE_END.exec(text)) {
    const end = match.index + match[0].length;
    const span = trimSpan(text, start, end);
    if (span) sentences.push(span);
    start = end;
  }
  const rest = trimSpan(text, start, text.length);
  if (rest) sentences.push(rest);
  return sentences;
}

/**
 * Groups of `sentences` consecutive sentences, consecutive groups sharing `sentenceOverlap`, so a
 * chunk always holds whole sentences. A group longer than `size` characters (run-on text without
 * punctuation) is cut into character windows so that no chunk outgrows what the embedder reads.
 */
export function chunkSentences(
  text: string,
  options: { sentences: number; sentenceOverlap: number; size: number; overlap: number },
): TextChunk[] {
  const per = Math.max(1, Math.floor(options.sentences));
  const shared = Math.min(Math.max(0, Math.floor(options.sentenceOverlap)), per - 1);
  const sentences = splitSentences(text);
  const chunks: TextChunk[] = [];
  for (let first = 0; first < sentences.length; first += per - shared) {
    const group = sentences.slice(first, first + per);
    const start = group[0]?.start ?? 0;
    const end = group[group.length - 1]?.end ?? start;
    chunks.push(...chunkSpan(text, start, end, options));
    if (first + per >= sentences.length) break;
  }
  return chunks;
}
