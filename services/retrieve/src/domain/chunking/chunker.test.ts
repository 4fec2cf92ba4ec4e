import { describe, expect, it } from '@jest/globals';
import { chunkId, chunkText } from './chunker.ts';

const sentence = (i: number) => `Sentence number ${i} talks about topic ${i % 7} in some detail.`;
const longText = Array.from({ length: 120 }, (_, i) => sentence(i)).join(' ');

describe('chunkText', () => {
  it('returns offsets that locate each chunk in the document', () => {
    const chunks = chunkText(longText, { size: 300, overlap: 50 });
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) {
      expect(longText.slice(chunk.start, chunk.end)).toBe(chunk.text);
      expect(chunk.text.length).toBeLessThanOrEqual(300);
      expect(chunk.text).toBe(chunk.text.trim());
    }
  });

  it('overlaps consecutive chunks and covers every character of the text', () => {
    const chunks = chunkText(longText, { size: 300, overlap: 50 });
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1]!;
      const current = chunks[i]!;
      expect(current.start).toBeGreaterThan(previous.start);
      expect(current.start).toBeLessThan(previous.end);
      expect(previous.end - current.start).toBeLessThanOrEqual(50);
    }
    const covered = new Array<boolean>(longText.length).fill(false);
    for (const chunk of chunks) covered.fill(true, chunk.start, chunk.end);
    const uncovered = [...longText].filter((char, i) => !covered[i] && !/\s/.test(char));
    expect(uncovered).toEqual([]);
  });

  it('prefers to end a chunk at a sentence boundary and start it on a word', () => {
    const chunks = chunkText(longText, { size: 300, overlap: 50 });
    for (const chunk of chunks.slice(0, -1)) expect(chunk.text.endsWith('.')).toBe(true);
    for (const chunk of chunks.slice(1)) expect(/\s/.test(longText[chunk.start - 1] ?? ' ')).toBe(true);
  });

  it('falls back to whitespace, then to a hard cut, when there is no sentence end', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    for (const chunk of chunkText(words, { size: 100, overlap: 10 }).slice(0, -1)) {
      expect(/\s/.test(words[chunk.end] ?? ' ')).toBe(true);
    }
    const solid = 'x'.repeat(250);
    expect(chunkText(solid, { size: 100, overlap: 0 }).map((c) => [c.start, c.end])).toEqual([
      [0, 100],
      [100, 200],
      [200, 250],
    ]);
  });

  it('keeps a short text whole and skips surrounding whitespace', () => {
    expect(chunkText('  A short note.  ', { size: 1000, overlap: 150 })).toEqual([
      { text: 'A short note.', start: 2, end: 15 },
    ]);
    expect(chunkText('   ', { size: 10, overlap: 2 })).toEqual([]);
  });

  it('is deterministic, so a re-ingested document gets the same chunks', () => {
    expect(chunkText(longText, { size: 250, overlap: 40 })).toEqual(
      chunkText(longText, { size: 250, overlap: 40 }),
    );
  });
});

describe('chunkId', () => {
  it('is the document id and the chunk position', () => {
    expect(chunkId('doc-1', 3)).toBe('doc-1#3');
  });
});
