import { describe, expect, it } from '@jest/globals';
import { Bm25Index, type Bm25Options } from './bm25-index.ts';
import type { KeywordEntry } from './keyword-index.ts';

const raw: Bm25Options = {
  analyzer: { lowercase: true, stopWords: false, stemming: false, minTokenLength: 1 },
  titleWeight: 0,
  params: { k1: 1.2, b: 0.75 },
};

const entry = (
  documentId: string,
  text: string,
  title = '',
  metadata: Record<string, string> = {},
): KeywordEntry => ({
  chunkId: `${documentId}#0`,
  documentId,
  title,
  text,
  metadata,
});

function indexOf(options: Bm25Options, entries: KeywordEntry[], tenant = 't'): Bm25Index {
  const index = new Bm25Index(options);
  for (const e of entries) index.upsertDocument(tenant, e.documentId, [e]);
  return index;
}

describe('Bm25Index scoring', () => {
  // N = 3 chunks, lengths 2, 3, 2 (average 7/3); "apple" is in 2 of them.
  // idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6 = 0.470004
  // c1: tf 1, len 2: 0.470004 × 1 × 2.2 / (1 + 1.2 × (0.25 + 0.75 × 2 / (7/3))) = 0.49918
  // c2: tf 2, len 3: 0.470004 × 2 × 2.2 / (2 + 1.2 × (0.25 + 0.75 × 3 / (7/3))) = 0.59819
  const corpus = [entry('c1', 'apple banana'), entry('c2', 'apple apple cherry'), entry('c3', 'cherry date')];

  it('matches hand-computed Okapi BM25 scores', () => {
    const hits = indexOf(raw, corpus).search('t', 'apple', 10);
    expect(hits.map((hit) => hit.documentId)).toEqual(['c2', 'c1']);
    expect(hits[0]?.score).toBeCloseTo(0.59819, 4);
    expect(hits[1]?.score).toBeCloseTo(0.49918, 4);
  });

  it('sums over query terms, counting a repeated query term again', () => {
    const index = indexOf(raw, corpus);
    // "date" is in c3 only: idf = ln(1 + 2.5 / 1.5) = 0.980829; tf 1, len 2 -> × 1.062069 = 1.04171
    expect(index.search('t', 'date', 1)[0]?.score).toBeCloseTo(1.04171, 4);
    const once = index.search('t', 'apple', 1)[0]?.score ?? 0;
    expect(index.search('t', 'apple apple', 1)[0]?.score).toBeCloseTo(2 * once, 6);
  });

  it('counts title terms titleWeight times in every chunk of the document', () => {
    // "apple" only in d1's title (weight 2): tf 2, len 1 + 2 = 3, average (3 + 2) / 2 = 2.5,
    // idf = ln(1 + 1.5 / 1.5) = ln 2; score = ln2 × 2 × 2.2 / (2 + 1.2 × (0.25 + 0.75 × 3 / 2.5)) = 0.90232
    const index = indexOf({ ...raw, titleWeight: 2 }, [
      entry('d1', 'banana', 'Apple'),
      entry('d2', 'cherry date'),
    ]);
    expect(index.search('t', 'apple', 5)).toEqual([
      { chunkId: 'd1#0', documentId: 'd1', score: expect.any(Number) },
    ]);
    expect(index.search('t', 'apple', 5)[0]?.score).toBeCloseTo(0.90232, 4);
    expect(indexOf(raw, [entry('d1', 'banana', 'Apple')]).search('t', 'apple', 5)).toEqual([]);
  });

  it('keeps statistics and results per tenant', () => {
    const index = indexOf(raw, corpus);
    index.upsertDocument('other', 'x', [entry('x', 'apple')]);
    expect(index.search('t', 'apple', 10).map((hit) => hit.documentId)).toEqual(['c2', 'c1']);
    expect(index.search('other', 'apple', 10).map((hit) => hit.documentId)).toEqual(['x']);
    expect(index.search('nobody', 'apple', 10)).toEqual([]);
  });

  it('replaces a document on upsert and forgets it on delete', () => {
    const index = indexOf(raw, corpus);
    index.upsertDocument('t', 'c1', [entry('c1', 'kiwi')]);
    expect(index.search('t', 'apple', 10).map((hit) => hit.documentId)).toEqual(['c2']);
    expect(index.deleteDocument('t', 'c2')).toBe(1);
    expect(index.search('t', 'apple', 10)).toEqual([]);
    expect(index.deleteDocument('t', 'c2')).toBe(0);
    expect(index.size).toBe(2);
  });

  it('applies filters while scoring, so k matching chunks come back', () => {
    const entries = Array.from({ length: 30 }, (_, i) =>
      entry(`d${i}`, i % 10 === 0 ? 'apple' : 'apple apple apple', '', { lang: i % 10 === 0 ? 'fr' : 'en' }),
    );
    const hits = indexOf(raw, entries).search('t', 'apple', 3, { lang: 'fr' });
    expect(hits.map((hit) => hit.documentId)).toEqual(['d0', 'd10', 'd20']);
  });

  it('with RM3 feedback, also finds chunks sharing the top hits’ typical terms', () => {
    const entries = [
      entry('top', 'supersonic nozzle nozzle'),
      entry('related', 'nozzle throat design'),
      entry('other', 'wing flutter'),
      entry('filler', 'wing lift'),
      // Enough other chunks that "nozzle" (in 2 of 8) is above the expansion idf floor.
      ...['drag', 'stall', 'spin', 'yaw'].map((word) => entry(word, `${word} tunnel`)),
    ];
    expect(
      indexOf(raw, entries)
        .search('t', 'supersonic', 5)
        .map((hit) => hit.documentId),
    ).toEqual(['top']);
    const feedback = { ...raw.params, feedback: { documents: 1, terms: 5, weight: 0.5 } };
    const expanded = indexOf(raw, entries).search('t', 'supersonic', 5, {}, feedback);
    expect(expanded.map((hit) => hit.documentId)).toEqual(['top', 'related']);
  });

  it('leaves out of the RM3 expansion a term most chunks hold (below the idf floor)', () => {
    const entries = [
      entry('top', 'supersonic nozzle common'),
      ...Array.from({ length: 9 }, (_, i) => entry(`other${i}`, `common filler${i}`)),
    ];
    const feedback = { ...raw.params, feedback: { documents: 1, terms: 5, weight: 0.5 } };
    const found = (options: Bm25Options) =>
      indexOf(options, entries)
        .search('t', 'supersonic', 20, {}, feedback)
        .map((hit) => hit.documentId);
    expect(found({ ...raw, expansionMinIdf: 0 })).toHaveLength(10);
    expect(found({ ...raw, expansionMinIdf: 1 })).toEqual(['top']);
  });

  it('survives a snapshot round trip, and refuses a snapshot of another analyzer', () => {
    const index = indexOf(raw, corpus);
    const copy = new Bm25Index(raw);
    expect(copy.restore(JSON.parse(JSON.stringify(index.snapshot())))).toBe(true);
    expect(copy.search('t', 'apple cherry', 10)).toEqual(index.search('t', 'apple cherry', 10));
    const stemmed = new Bm25Index({ ...raw, analyzer: { ...raw.analyzer, stemming: true } });
    expect(stemmed.restore(index.snapshot())).toBe(false);
    expect(stemmed.size).toBe(0);
  });
});
