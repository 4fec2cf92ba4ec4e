import { describe, expect, it } from '@jest/globals';
import { estimateComplexity } from './complexity.ts';

describe('estimateComplexity', () => {
  it('treats a short lookup as simple', () => {
    expect(estimateComplexity('What is HNSW?')).toMatchObject({ complex: false, words: 3, clauses: 1 });
  });

  it('treats a multi-clause reasoning question as complex', () => {
    const result = estimateComplexity(
      'Compare vector search and BM25 for short queries, and explain why hybrid fusion helps when documents are long?',
    );
    expect(result.complex).toBe(true);
    expect(result.questionWords).toBeGreaterThanOrEqual(3);
    expect(result.clauses).toBeGreaterThanOrEqual(3);
  });

  it('grows with length alone', () => {
    const short = estimateComplexity('tell me about the index');
    const long = estimateComplexity(`tell me about the index ${'with many more words '.repeat(8)}`);
    expect(long.score).toBeGreaterThan(short.score);
  });
});
