export interface ChunkOptions {
  /** Target chunk length in characters. */
  size: number;
  /** Characters shared by consecutive chunks, so a sentence cut at a boundary is still found whole. */
  overlap: number;
}

export interface TextChunk {
  text: string;
  /** Offset of the chunk's first character in the document. */
  start: number;
  /** Offset just past the chunk's last character. */
  end: number;
}

const SENTENCE_END = /[.!?。]["')\]]?\s/g;
const WHITESPACE = /\s/g;

/**
 * Splits a document into overlapping character windows. A window prefers to end after a sentence,
 * else at whitespace, within its last third, so that chunks read as whole thoughts; it never
 * exceeds `size`. Offsets refer to the original text, so a hit can be shown in context.
 * The result is a pure function of (text, options): re-ingesting yields the same chunks.
 */
export function chunkText(text: string, options: ChunkOptions): TextChunk[] {
  const size = Math.max(1, Math.floor(options.size));
  const overlap = Math.min(Math.max(0, Math.floor(options.overlap)), Math.floor(size / 2));
  const chunks: TextChunk[] = [];
  let start = skipWhitespace(text, 0);
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    if (end < text.length) end = preferredCut(text, start, end, size);
    const trimmedEnd = trimEnd(text, start, end);
    chunks.push({ text: text.slice(start, trimmedEnd), start, end: trimmedEnd });
    if (end >= text.length) break;
    // Step back by the overlap but always move forward, and start the next window on a word.
    let next = Math.max(end - overlap, start + 1);
    if (next > start + 1 && next < end) next = wordStartAtOrAfter(text, next, end);
    start = skipWhitespace(text, next);
  }
  return chunks;
}

/** The best cut in the last third of [start, end): after a sentence, else at whitespace, else hard. */
function preferredCut(text: string, start: number, end: number, size: number): number {
  const floor = start + Math.ceil((size * 2) / 3);
  const window = text.slice(floor, end + 1);
  const sentence = lastMatchEnd(SENTENCE_END, window);
  if (sentence !== undefined) return Math.min(floor + sentence, end);
  const space = lastMatchEnd(WHITESPACE, window);
  if (space !== undefined) return Math.min(floor + space, end);
  return end;
}

function lastMatchEnd(pattern: RegExp, window: string): number | undefined {
  let last: number | undefined;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(window); match; match = pattern.exec(window))
    last = match.index + match[0].length;
  return last;
}

function wordStartAtOrAfter(text: string, from: number, limit: number): number {
  if (from > 0 && !/\s/.test(text[from - 1] ?? '')) {
    for (let i = from; i < limit; i++) if (/\s/.test(text[i] ?? '')) return i + 1;
  }
  return from;
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /\s/.test(text[i - 1] ?? '')) i--;
  return i;
}

/** Chunk ids are positional, so a re-ingested document overwrites the same ids. */
export function chunkId(documentId: string, n: number): string {
  return `${documentId}#${n}`;
}
