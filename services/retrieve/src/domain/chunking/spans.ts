import { chunkText, type TextChunk } from './chunker.ts';

/** Cuts text[start, end) into character windows whose offsets refer to the whole text. */
export function chunkSpan(
  text: string,
  start: number,
  end: number,
  options: { size: number; overlap: number },
): TextChunk[] {
  if (end - start <= options.size) {
    const span = trimSpan(text, start, end);
    return span ? [span] : [];
  }
  return chunkText(text.slice(start, end), options).map((chunk) => ({
    text: chunk.text,
    start: chunk.start + start,
    end: chunk.end + start,
  }));
}

/** The span without its surrounding whitespace, or undefined when nothing is left. */
export function trimSpan(text: string, start: number, end: number): TextChunk | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return from < to ? { text: text.slice(from, to), start: from, end: to } : undefined;
}
