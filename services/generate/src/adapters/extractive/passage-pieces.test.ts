import { describe, expect, it } from '@jest/globals';
import { PASSAGE_GAP } from '../../domain/document-passages.ts';
import type { NumberedPassage } from '../../domain/ports.ts';
import { readablePieces } from './passage-pieces.ts';

const passage = (text: string, start: number): NumberedPassage => ({
  index: 1,
  documentId: 'd',
  chunkId: 'd#1',
  title: 'd',
  text,
  score: 1,
  start,
  end: start + text.length,
});

describe('readablePieces', () => {
  it('drops the half line a chunk began with and the half sentence it ended with', () => {
    expect(
      readablePieces(passage('ing the index.\nThe index is stored.\nIt is reloaded on st', 400)),
    ).toEqual(['The index is stored.']);
  });

  it('keeps a document start and whole lines', () => {
    expect(readablePieces(passage('# Title\n\nWhole sentence.', 0))).toEqual(['# Title\n\nWhole sentence.']);
  });

  it('drops a table row cut on the left, and code a chunk began inside of', () => {
    const row = '| b | c |\n| `KEY` | b | c |\n| `NEXT` | 1 | 2 |';
    expect(readablePieces(passage(row, 10))).toEqual(['| `KEY` | b | c |\n| `NEXT` | 1 | 2 |']);
    expect(readablePieces(passage('Const x = 1\n```\n\nAfter the code.', 10))).toEqual(['\nAfter the code.']);
  });

  it('reads each side of a gap on its own', () => {
    expect(readablePieces(passage(`First part.${PASSAGE_GAP}tail of a line\nSecond part.`, 0))).toEqual([
      'First part.',
      'Second part.',
    ]);
  });
});
