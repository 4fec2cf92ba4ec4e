import { describe, expect, it } from '@jest/globals';
import { chunkDocument } from './chunking.ts';
import { documentText } from './document-text.ts';

const text =
  'Owls hunt at night. Sparrows sing at dawn.\n\n# Engines\nDiesel engines compress air before fuel.';

describe('documentText', () => {
  it('gives back the words of overlapping character windows at their offsets', () => {
    const chunks = chunkDocument(text, {
      strategy: 'characters',
      size: 20,
      overlap: 5,
      sentences: 5,
      sentenceOverlap: 1,
    });
    expect(chunks.length).toBeGreaterThan(2);
    const rebuilt = documentText(text.length, chunks);
    expect(rebuilt).toHaveLength(text.length);
    // A line break a window trimmed off its edge may come back as a space: the same words, same offsets.
    expect(rebuilt.replace(/\s/g, ' ')).toBe(text.replace(/\s/g, ' '));
  });

  it('gives back the exact text from markdown sections, so headings survive a re-chunking', () => {
    const chunks = chunkDocument(text, {
      strategy: 'markdown',
      size: 1000,
      overlap: 0,
      sentences: 5,
      sentenceOverlap: 1,
    });
    expect(documentText(text.length, chunks)).toBe(text);
  });

  it('fills one uncovered character with a space and longer gaps with line breaks', () => {
    const rebuilt = documentText(13, [
      { text: 'abc', start: 0 },
      { text: 'def', start: 4 },
      { text: 'xyz', start: 10 },
    ]);
    expect(rebuilt).toBe('abc def\n\n\nxyz');
  });

  it('never grows past the document length', () => {
    expect(documentText(4, [{ text: 'abcdef', start: 2 }])).toBe('\n\nab');
  });
});
