import type { ChunkRecord } from '../index/records.ts';

/**
 * Rebuilds a document's text from its stored chunks, each placed at its offsets: the store keeps
 * no separate copy of the text. What no chunk covers is whitespace the chunkers trimmed: one
 * character comes back as a space (between words), a longer run as line breaks, since that is
 * where paragraphs and headings end, which the sentence and markdown chunkers need to see again.
 */
export function documentText(
  length: number,
  chunks: ReadonlyArray<Pick<ChunkRecord, 'text' | 'start'>>,
): string {
  const characters = new Array<string | undefined>(length).fill(undefined);
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.text.length && chunk.start + i < length; i++) {
      characters[chunk.start + i] = chunk.text[i];
    }
  }
  for (let i = 0; i < length; i++) {
    if (characters[i] !== undefined) continue;
    let end = i;
    while (end < length && characters[end] === undefined) end++;
    characters.fill(end - i === 1 ? ' ' : '\n', i, end);
    i = end - 1;
  }
  return characters.join('');
}
