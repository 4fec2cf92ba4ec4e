import { describe, expect, it } from '@jest/globals';
import { replayChunks } from './replay-chunks.ts';

describe('replayChunks', () => {
  it('regroups a model’s word tokens into sentences, keeping every character in order', () => {
    const tokens = ['HNSW', ' is', ' a', ' graph', '.', ' It', ' needs', ' memory', '!', ' And', ' more'];
    const chunks = replayChunks(tokens);
    expect(chunks).toEqual(['HNSW is a graph.', ' It needs memory!', ' And more']);
    expect(chunks.join('')).toBe(tokens.join(''));
  });

  it('cuts a long run without punctuation at about a line, and keeps whole stored chunks', () => {
    const tokens = Array.from({ length: 60 }, () => 'word ');
    const chunks = replayChunks(tokens);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((chunk) => chunk.length <= 80)).toBe(true);
    expect(chunks.join('')).toBe(tokens.join(''));
    expect(replayChunks(['One whole sentence from the extractive answerer. ', 'Another one.'])).toHaveLength(
      2,
    );
  });
});
