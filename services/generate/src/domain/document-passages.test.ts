import { describe, expect, it } from '@jest/globals';
import { PASSAGE_GAP, numberByDocument } from './document-passages.ts';
import type { Passage } from './ports.ts';

const DOCUMENT = 'Alpha one. Beta two. Gamma three. Delta four. Epsilon five.';

function chunk(documentId: string, start: number, end: number, score: number): Passage {
  return {
    documentId,
    chunkId: `${documentId}@${start}`,
    title: documentId,
    text: DOCUMENT.slice(start, end),
    score,
    start,
    end,
  };
}

describe('numberByDocument', () => {
  it('numbers each document once, by its best rank, and joins its chunks on their offsets', () => {
    const passages = numberByDocument([
      chunk('a', 11, 34, 0.9),
      chunk('b', 0, 10, 0.8),
      chunk('a', 0, 20, 0.7),
    ]);
    expect(passages.map((p) => [p.index, p.documentId])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    // "Beta two." lies in both chunks of a: it is there once.
    expect(passages[0]).toMatchObject({
      text: DOCUMENT.slice(0, 34),
      start: 0,
      end: 34,
      score: 0.9,
      chunkId: 'a@11',
    });
  });

  it('marks a gap between chunks that do not touch', () => {
    const [passage] = numberByDocument([chunk('a', 46, 59, 1), chunk('a', 0, 10, 0.5)]);
    expect(passage?.text).toBe(`Alpha one.${PASSAGE_GAP}Epsilon five.`);
  });

  it('keeps one passage per chunk when every chunk is from a different document', () => {
    expect(numberByDocument([chunk('a', 0, 10, 1), chunk('b', 0, 10, 1)]).map((p) => p.index)).toEqual([
      1, 2,
    ]);
  });
});
