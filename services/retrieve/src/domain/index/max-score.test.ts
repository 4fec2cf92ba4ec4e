import { describe, expect, it } from '@jest/globals';
import { Bm25Index, type Bm25Options } from './bm25-index.ts';
import { kthLargest, maxScoreTopK, type ScoredTerm } from './max-score.ts';
import { seededRandom } from '@ragfleet/seeded-random';

/** Words by a skewed distribution: a few in most chunks (the lists pruning skips), many rare. */
function randomText(random: () => number, words: number): string {
  const length = 1 + Math.floor(random() * 12);
  return Array.from({ length }, () => `w${Math.floor(words * random() ** 3)}`).join(' ');
}

const options = (exhaustive: boolean): Bm25Options => ({
  analyzer: { lowercase: true, stopWords: false, stemming: false, minTokenLength: 1 },
  titleWeight: 1,
  params: { k1: 1.2, b: 0.75, feedback: { documents: 3, terms: 8, weight: 0.5 } },
  expansionMinIdf: 0,
  exhaustive,
});

describe('MaxScore top-k', () => {
  it('returns exactly the exhaustive top k (ids, order and scores) on random corpora', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const words = 5 + Math.floor(random() * 60);
      const pruned = new Bm25Index(options(false));
      const exhaustive = new Bm25Index(options(true));
      const documents = 20 + Math.floor(random() * 300);
      for (let d = 0; d < documents; d++) {
        const chunks = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, n) => ({
          chunkId: `d${d}#${n}`,
          documentId: `d${d}`,
          title: random() < 0.3 ? randomText(random, words) : '',
          text: randomText(random, words),
          metadata: { lang: random() < 0.5 ? 'en' : 'fr' },
        }));
        pruned.upsertDocument('t', `d${d}`, chunks);
        exhaustive.upsertDocument('t', `d${d}`, chunks);
      }
      // Deletes leave the bounds stale (larger than need be): still bounds.
      for (let d = 0; d < documents; d += 7) {
        pruned.deleteDocument('t', `d${d}`);
        exhaustive.deleteDocument('t', `d${d}`);
      }
      for (let q = 0; q < 15; q++) {
        const query = randomText(random, words);
        const k = 1 + Math.floor(random() * 20);
        const filter = q % 3 === 0 ? { lang: 'fr' } : {};
        const noFeedback = { k1: 1.2, b: 0.75 };
        expect(pruned.search('t', query, k, filter)).toEqual(exhaustive.search('t', query, k, filter));
        expect(pruned.search('t', query, k, filter, noFeedback)).toEqual(
          exhaustive.search('t', query, k, filter, noFeedback),
        );
      }
    }
  });

  it('never walks the posting list of a term that cannot lift a chunk into the top k', () => {
    const walked = new Set<string>();
    const listed = (name: string, entries: Array<[string, number]>): Map<string, number> => {
      const map = new Map(entries);
      // Iteration is the walk; a lookup (get) is what a candidate does instead.
      const iterate = map[Symbol.iterator].bind(map);
      map[Symbol.iterator] = () => {
        walked.add(name);
        return iterate();
      };
      return map;
    };
    const common = listed(
      'common',
      Array.from({ length: 1000 }, (_, i): [string, number] => [`c${i}`, 1]),
    );
    const rare = listed('rare', [
      ['c1', 1],
      ['c2', 1],
    ]);
    const terms: Array<ScoredTerm<string>> = [
      { postings: common, impact: (_, tf) => 0.1 * tf, bound: 0.1 },
      { postings: rare, impact: (_, tf) => 5 * tf, bound: 5 },
    ];
    const slots = new Map([...common.keys()].map((chunk, i) => [chunk, i]));
    const top = maxScoreTopK(terms, 2, {
      isAllowed: () => true,
      tieBefore: (x, y) => x < y,
      slotOf: (chunk) => slots.get(chunk)!,
      slots: slots.size,
    });
    expect(top).toEqual([
      ['c1', 5.1],
      ['c2', 5.1],
    ]);
    expect([...walked]).toEqual(['rare']);
  });

  it('selects the k-th largest partial score as sorting would, ties and all', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () =>
        // Few distinct values, so ties are common.
        Math.floor(random() * 8),
      );
      const sorted = [...values].sort((x, y) => y - x);
      for (const k of [1, 2, 5, values.length, values.length + 1])
        expect(kthLargest(Float64Array.from(values), k)).toBe(sorted[k - 1] ?? -Infinity);
    }
  });
});
