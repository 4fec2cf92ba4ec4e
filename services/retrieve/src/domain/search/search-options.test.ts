import { describe, expect, it } from '@jest/globals';
import { resolveSearch, type SearchDefaults, type SearchRequest } from './search-options.ts';

const defaults: SearchDefaults = {
  mode: 'hybrid',
  fusion: 'minmax',
  weights: { vector: 0.3, keyword: 0.7 },
  rrfK: 60,
  rerank: 'none',
  mmrLambda: 0.7,
  candidates: 100,
  bm25: { k1: 1.2, b: 0.75 },
  feedback: { documents: 0, weight: 0 },
};
const base: SearchRequest = { query: 'lift', k: 0, filters: {} };

describe('resolveSearch', () => {
  it('applies the defaults for what the request leaves out', () => {
    expect(resolveSearch(base, defaults)).toEqual({
      query: 'lift',
      k: 5,
      mode: 'hybrid',
      fusion: 'minmax',
      weights: { vector: 0.3, keyword: 0.7 },
      rrfK: 60,
      rerank: 'none',
      mmrLambda: 0.7,
      candidates: 100,
      filter: { equals: {} },
    });
  });

  it('takes what the request gives, with at least k candidates and parsed times', () => {
    const resolved = resolveSearch(
      {
        ...base,
        k: 50,
        mode: 'keyword',
        fusion: 'rrf',
        weights: { vector: 0, keyword: 1 },
        rrfK: 10,
        rerank: 'mmr',
        mmrLambda: 0.5,
        candidates: 20,
        filter: {
          tags: ['a'],
          lang: 'en',
          publishedFrom: '2024-01-01',
          publishedTo: '2024-12-31T23:59:59Z',
          documentIds: ['d'],
        },
      },
      defaults,
    );
    expect(resolved).toMatchObject({
      k: 50,
      mode: 'keyword',
      fusion: 'rrf',
      rrfK: 10,
      rerank: 'mmr',
      mmrLambda: 0.5,
    });
    expect(resolved.candidates).toBe(50);
    expect(resolved.filter).toEqual({
      equals: {},
      tags: ['a'],
      lang: 'en',
      documentIds: ['d'],
      publishedFrom: Date.parse('2024-01-01'),
      publishedTo: Date.parse('2024-12-31T23:59:59Z'),
    });
  });

  it.each<[Partial<SearchRequest>, string]>([
    [{ query: ' ' }, 'query'],
    [{ k: 101 }, 'k'],
    [{ mode: 'semantic' }, 'mode'],
    [{ fusion: 'sum' }, 'fusion'],
    [{ weights: { vector: 1.5, keyword: 0.5 } }, 'weights.vector'],
    [{ weights: { vector: 0.5, keyword: -0.1 } }, 'weights.keyword'],
    [{ weights: { vector: 0, keyword: 0 } }, 'weights'],
    [{ rrfK: 1.5 }, 'rrf_k'],
    [{ rerank: 'cross' }, 'rerank'],
    [{ mmrLambda: 1.2 }, 'mmr_lambda'],
    [{ candidates: 5000 }, 'candidates'],
    [{ filter: { publishedFrom: 'yesterday' } }, 'filter.published_from'],
    [{ filter: { publishedTo: '2024-13-45' } }, 'filter.published_to'],
    [{ filter: { publishedFrom: '2024-02-01', publishedTo: '2024-01-01' } }, 'filter.published_to'],
    [{ filter: { tags: ['ok', ' '] } }, 'filter.tags'],
  ])('rejects %j naming %s', (change, field) => {
    expect(() => resolveSearch({ ...base, ...change }, defaults)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', details: { field } }),
    );
  });
});
