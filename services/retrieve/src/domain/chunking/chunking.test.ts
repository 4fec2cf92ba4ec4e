import { describe, expect, it } from '@jest/globals';
import type { TextChunk } from './chunker.ts';
import { chunkDocument, type ChunkingOptions } from './chunking.ts';
import { sectionStarts } from './markdown-chunker.ts';
import { splitSentences } from './sentence-chunker.ts';

const options: ChunkingOptions = {
  strategy: 'characters',
  size: 120,
  overlap: 20,
  sentences: 2,
  sentenceOverlap: 1,
};

function expectExactSpans(text: string, chunks: TextChunk[]): void {
  expect(chunks.length).toBeGreaterThan(0);
  for (const chunk of chunks) expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
}

const prose =
  'Air flows over the wing. Pressure drops above it! Does lift follow? It does.\n\n' +
  'A second paragraph starts here. It ends "quoted." Then more text follows';

describe('splitSentences', () => {
  it('ends sentences at . ! ? (with closing quotes) and at blank lines', () => {
    expect(splitSentences(prose).map((s) => s.text)).toEqual([
      'Air flows over the wing.',
      'Pressure drops above it!',
      'Does lift follow?',
      'It does.',
      'A second paragraph starts here.',
      'It ends "quoted."',
      'Then more text follows',
    ]);
  });

  it('does not split decimals', () => {
    expect(splitSentences('Mach 2.5 is fast. Yes.').map((s) => s.text)).toEqual([
      'Mach 2.5 is fast.',
      'Yes.',
    ]);
  });
});

describe('chunkDocument: sentences', () => {
  it('groups N sentences with an overlap of M, as exact spans', () => {
    const chunks = chunkDocument(prose, { ...options, strategy: 'sentences', size: 1000 });
    expectExactSpans(prose, chunks);
    expect(chunks.map((c) => c.text)).toEqual([
      'Air flows over the wing. Pressure drops above it!',
      'Pressure drops above it! Does lift follow?',
      'Does lift follow? It does.',
      'It does.\n\nA second paragraph starts here.',
      'A second paragraph starts here. It ends "quoted."',
      'It ends "quoted." Then more text follows',
    ]);
  });

  it('without overlap, covers each sentence once', () => {
    const chunks = chunkDocument(prose, {
      ...options,
      strategy: 'sentences',
      sentences: 3,
      sentenceOverlap: 0,
      size: 1000,
    });
    expect(chunks).toHaveLength(3);
    expectExactSpans(prose, chunks);
  });

  it('cuts a run-on sentence longer than size into windows', () => {
    const runOn = 'word '.repeat(100).trim();
    const chunks = chunkDocument(runOn, { ...options, strategy: 'sentences' });
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((c) => c.text.length <= options.size)).toBe(true);
    expectExactSpans(runOn, chunks);
  });
});

const markdown = [
  'Intro line before any heading.',
  '',
  '# Title',
  'Short section.',
  '',
  '## Details',
  '```',
  '# not a heading inside code',
  '```',
  'More details.',
  '',
  '## Long',
  'Lorem ipsum dolor sit amet. '.repeat(12).trim(),
].join('\n');

describe('chunkDocument: markdown', () => {
  it('starts sections at headings outside fenced code', () => {
    const starts = sectionStarts(markdown).map((start) => markdown.slice(start, start + 10));
    expect(starts).toEqual(['Intro line', '# Title\nSh', '## Details', '## Long\nLo']);
  });

  it('keeps short sections whole with their heading and cuts long ones by size, as exact spans', () => {
    const chunks = chunkDocument(markdown, { ...options, strategy: 'markdown' });
    expectExactSpans(markdown, chunks);
    expect(chunks[0]?.text).toBe('Intro line before any heading.');
    expect(chunks[1]?.text).toBe('# Title\nShort section.');
    expect(chunks[2]?.text).toBe('## Details\n```\n# not a heading inside code\n```\nMore details.');
    const long = chunks.slice(3);
    expect(long.length).toBeGreaterThan(1);
    expect(long[0]?.text.startsWith('## Long')).toBe(true);
    expect(long.every((c) => c.text.length <= options.size)).toBe(true);
  });

  it('is one chunk for text without headings that fits', () => {
    expect(chunkDocument('  plain note  ', { ...options, strategy: 'markdown' })).toEqual([
      { text: 'plain note', start: 2, end: 12 },
    ]);
  });
});

describe('chunkDocument: characters', () => {
  it('is the character chunker, with exact spans', () => {
    const text = 'Lorem ipsum dolor sit amet. '.repeat(20);
    const chunks = chunkDocument(text, options);
    expect(chunks.length).toBeGreaterThan(3);
    expectExactSpans(text, chunks);
  });
});
