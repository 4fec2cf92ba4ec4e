import type { NumberedPassage, Passage } from './ports.ts';

/** Between two cited pieces of one document that do not touch: text was left out there. */
export const PASSAGE_GAP = '\n\n…\n\n';

const exactOffsets = (passage: Passage) => passage.text.length === passage.end - passage.start;

/**
 * One numbered source per document: retrieved chunks of the same document become one passage,
 * numbered by the document's best rank, so a source list names each document once and every [n]
 * in the answer points at a document. Overlapping chunks are joined on their offsets (the shared
 * characters once, so no sentence is repeated); chunks that do not touch are joined with a gap
 * marker. The passage keeps the best chunk's id and score and spans from the first cited
 * character to the last.
 */
export function numberByDocument(hits: readonly Passage[]): NumberedPassage[] {
  const groups = new Map<string, Passage[]>();
  for (const hit of hits) {
    const group = groups.get(hit.documentId);
    if (group) group.push(hit);
    else groups.set(hit.documentId, [hit]);
  }
  return [...groups.values()].map((group, position) => {
    const [best] = group as [Passage, ...Passage[]];
    const inOrder = [...group].sort((a, b) => a.start - b.start || a.end - b.end);
    let text = '';
    let end = -1;
    for (const piece of inOrder) {
      if (end >= 0 && piece.start <= end && exactOffsets(piece)) {
        text += piece.text.slice(end - piece.start);
      } else {
        text += (end >= 0 ? PASSAGE_GAP : '') + piece.text;
      }
      end = Math.max(end, piece.end);
    }
    return {
      ...best,
      index: position + 1,
      text,
      score: Math.max(...group.map((piece) => piece.score)),
      start: Math.min(...group.map((piece) => piece.start)),
      end,
    };
  });
}
