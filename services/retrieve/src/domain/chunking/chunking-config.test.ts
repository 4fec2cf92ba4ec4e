import { describe, expect, it } from '@jest/globals';
import type { ChunkingOptions } from './chunking.ts';
import { resolveChunking } from './chunking-config.ts';

const defaults: ChunkingOptions = {
  strategy: 'characters',
  size: 1000,
  overlap: 150,
  sentences: 5,
  sentenceOverlap: 1,
};

describe('resolveChunking', () => {
  it('fills empty fields with the defaults', () => {
    expect(resolveChunking({}, defaults)).toEqual(defaults);
    expect(resolveChunking({ strategy: 'sentences', sentences: 3 }, defaults)).toEqual({
      ...defaults,
      strategy: 'sentences',
      sentences: 3,
    });
  });

  it('keeps an inherited overlap below a smaller size', () => {
    expect(resolveChunking({ size: 200 }, defaults)).toMatchObject({ size: 200, overlap: 50 });
    expect(resolveChunking({ size: 200, overlap: 20 }, defaults)).toMatchObject({ size: 200, overlap: 20 });
  });

  it('rejects an unknown strategy and overlaps that do not fit', () => {
    expect(() => resolveChunking({ strategy: 'words' }, defaults)).toThrow(/chunking.strategy/);
    expect(() => resolveChunking({ size: 100, overlap: 100 }, defaults)).toThrow(/chunking.overlap/);
    expect(() => resolveChunking({ sentences: 2, sentenceOverlap: 2 }, defaults)).toThrow(
      /chunking.sentence_overlap/,
    );
    expect(() => resolveChunking({ size: 1.5 }, defaults)).toThrow(/chunking.size/);
  });
});
