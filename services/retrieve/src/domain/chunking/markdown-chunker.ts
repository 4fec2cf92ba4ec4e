import type { TextChunk } from './chunker.ts';
import { chunkSpan } from './spans.ts';

const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const FENCE = /^ {0,3}(```|~~~)/;

/** Offsets where sections start: 0 and every ATX heading line outside fenced code. */
export function sectionStarts(text: string): number[] {
  const starts = [0];
  let inFence = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    else if (!inFence && HEADING.test(line) && offset > 0) starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

/**
 * One chunk per markdown section (a heading with the text up to the next heading), so a chunk
 * keeps its heading as context; a section longer than `size` is cut into character windows with
 * `overlap`. Text before the first heading is a section of its own.
 */
export function chunkMarkdown(text: string, options: { size: number; overlap: number }): TextChunk[] {
  const starts = sectionStarts(text);
  return starts.flatMap((start, i) => chunkSpan(text, start, starts[i + 1] ?? text.length, options));
}
