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

  it('sees a bare closing fence before an opening ```js as the end of code the chunk began inside of', () => {
    const text =
      'Timestamp: () => `,"time":1`\n```\n\n#### `messageKey` (String)\n\nDefault: `msg`\n\n```js\nconst a = 1\n```';
    expect(readablePieces(passage(text, 10))).toEqual([
      '\n#### `messageKey` (String)\n\nDefault: `msg`\n\n```js\nconst a = 1\n```',
    ]);
  });

  it('keeps a block that opens with a language, though another is left open at the end', () => {
    const text = 'Example:\n```js\nconst a = 1\n```\n\nFor example,\n```js\nconst b';
    // The last line, cut mid-statement, goes; the blocks stay as they were.
    expect(readablePieces(passage(text, 10))).toEqual([text.slice(0, -'\nconst b'.length)]);
  });

  it('reads each side of a gap on its own', () => {
    expect(readablePieces(passage(`First part.${PASSAGE_GAP}tail of a line\nSecond part.`, 0))).toEqual([
      'First part.',
      'Second part.',
    ]);
  });
});
