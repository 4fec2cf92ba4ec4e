import type { GenerateV1 } from '@ragfleet/protos';
import type { NumberedPassage } from '../domain/ports.ts';

/** A numbered passage as the Citation message carries it (Answer's citations, Suggest's). */
export function toCitation(citation: NumberedPassage): GenerateV1.Citation {
  return {
    index: citation.index,
    documentId: citation.documentId,
    chunkId: citation.chunkId,
    title: citation.title,
    text: citation.text,
    score: citation.score,
    start: citation.start,
    end: citation.end,
  };
}
