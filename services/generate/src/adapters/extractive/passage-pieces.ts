import { PASSAGE_GAP } from '../../domain/document-passages.ts';
import type { NumberedPassage } from '../../domain/ports.ts';

const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})/;
/** How a line that is a whole line of a document may begin (a chunk cut mid-line does not). */
const WHOLE_LINE_START = /^\s*(?:[\p{Lu}\p{N}`#>|*_"'([{<!]|[-+*]\s|\d+[.)]\s)/u;
/** How a line a chunk cut off may still end as a whole statement. */
const WHOLE_LINE_END = /(?:[.!?:;|`)\]}"']|```)\s*$/;

/**
 * Whether a piece cut at its start began inside a code block, so that its first fence closes one.
 * Closing fences are bare and opening ones usually name a language (```js): a first fence with a
 * language opens; a bare one closes when the fences are odd in number (none is left open at the
 * end) or when the next one names a language (it opens the next block).
 */
function beganInsideCode(lines: readonly string[]): boolean {
  const fences = lines.filter((line) => FENCE_LINE.test(line)).map((line) => line.trim());
  const [first, second] = fences;
  if (first === undefined || !/^(`{3,}|~{3,})$/.test(first)) return false;
  return fences.length % 2 === 1 || (second !== undefined && /^(`{3,}|~{3,})\S/.test(second));
}

const cellCount = (line: string) => line.replace(/\\\|/g, '').split('|').length;

/**
 * The pieces of a passage's text that can be read as Markdown: chunks are cut by characters, so
 * a piece may begin in the middle of a line, a table row or a code block, and end in the middle
 * of a sentence. Such edges are dropped rather than quoted as if they were whole.
 */
export function readablePieces(passage: NumberedPassage): string[] {
  return passage.text.split(PASSAGE_GAP).map((piece, position) => {
    let lines = piece.split('\n');
    const cutAtStart = position > 0 || passage.start > 0;
    if (cutAtStart && lines.length > 0) {
      const first = lines[0] ?? '';
      const next = lines[1] ?? '';
      const partialRow =
        first.trimStart().startsWith('|') && next.includes('|') && cellCount(first) < cellCount(next);
      if (!WHOLE_LINE_START.test(first) || partialRow) lines = lines.slice(1);
      if (beganInsideCode(lines)) lines = lines.slice(lines.findIndex((line) => FENCE_LINE.test(line)) + 1);
    }
    const last = lines.at(-1) ?? '';
    const before = lines.at(-2) ?? '';
    const cutRow =
      last.trimStart().startsWith('|') && before.includes('|') && cellCount(last) < cellCount(before);
    const cutProse = !last.trimStart().startsWith('|') && !WHOLE_LINE_END.test(last);
    if (lines.length > 1 && last.trim() !== '' && (cutRow || cutProse)) lines = lines.slice(0, -1);
    return lines.join('\n');
  });
}
