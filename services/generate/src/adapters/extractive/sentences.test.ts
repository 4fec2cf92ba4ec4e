import { describe, expect, it } from '@jest/globals';
import { splitSentences } from './sentences.ts';
import { contentTerms, stem } from './terms.ts';

describe('splitSentences', () => {
  it('splits on sentence punctuation, paragraphs and list items, dropping markup and fragments', () => {
    const text =
      '# Retrieval\n\nChunks are embedded in batches. Vectors go to HNSW! Is it fast? Yes it is.\n- a list item counts too\n- ok';
    expect(splitSentences(text)).toEqual([
      'Chunks are embedded in batches.',
      'Vectors go to HNSW!',
      'Is it fast?',
      'Yes it is.',
      'a list item counts too',
    ]);
  });

  it('does not split inside numbers or lower-case continuations', () => {
    expect(splitSentences('Version 2.5 is out. e.g. this stays whole.')).toEqual([
      'Version 2.5 is out. e.g. this stays whole.',
    ]);
  });
});

describe('contentTerms', () => {
  it('drops stop words and folds inflections together', () => {
    expect(contentTerms('How are the indexes indexed while indexing?')).toEqual(['index', 'index', 'index']);
    expect(stem('queries')).toBe('query');
    expect(stem('running')).toBe('run');
    expect(stem('class')).toBe('class');
  });
});
