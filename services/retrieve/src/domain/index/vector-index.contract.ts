import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { IndexEntry, IndexFilter, IndexHit, PersistentVectorIndex } from './vector-index.ts';

export interface VectorIndexUnderTest {
  index: PersistentVectorIndex;
  /** A second index over the same persisted data, as after a restart. */
  reopen(): Promise<PersistentVectorIndex>;
  cleanup(): Promise<void>;
}

const DIMENSIONS = 8;

/** A seeded pseudo-random unit-free vector, so runs are repeatable. */
function vector(seed: number): number[] {
  let state = seed * 2654435761 + 1;
  return Array.from({ length: DIMENSIONS }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  });
}

function entries(
  documentId: string,
  count: number,
  seed: number,
  metadata: Record<string, string> = {},
): IndexEntry[] {
  return Array.from({ length: count }, (_, n) => ({
    chunkId: `${documentId}#${n}`,
    documentId,
    vector: vector(seed * 100 + n),
    metadata,
  }));
}

function cosine(a: number[], b: number[]): number {
  const dot = a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
  const norm = (v: number[]) => Math.sqrt(v.reduce((sum, value) => sum + value * value, 0));
  return dot / (norm(a) * norm(b));
}

const ids = (hits: IndexHit[]) => hits.map((hit) => hit.chunkId);

/**
 * What every VectorIndex adapter must do; run against each one. Calls are awaited, so an adapter
 * may answer synchronously or with a promise.
 */
export function vectorIndexContract(name: string, create: () => Promise<VectorIndexUnderTest>): void {
  describe(`VectorIndex contract: ${name}`, () => {
    let subject: VectorIndexUnderTest;
    let index: PersistentVectorIndex;

    beforeEach(async () => {
      subject = await create();
      index = subject.index;
    });
    afterEach(() => subject.cleanup());

    it('returns the nearest entries with their cosine similarity, best first', async () => {
      for (let d = 0; d < 10; d++) await index.upsertDocument('acme', `d${d}`, entries(`d${d}`, 3, d));
      const query = vector(400);
      const hits = await index.search('acme', query, 5);
      const all = Array.from({ length: 10 }, (_, d) => entries(`d${d}`, 3, d)).flat();
      const exact = all
        .map((entry) => ({ chunkId: entry.chunkId, score: cosine(query, entry.vector) }))
        .sort((a, b) => b.score - a.score);
      expect(ids(hits)).toEqual(ids(exact.slice(0, 5) as IndexHit[]));
      hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(exact[i]?.score ?? NaN, 4));
      expect(hits[0]?.documentId).toBe(hits[0]?.chunkId.split('#')[0]);
    });

    it('scores the same direction 1 whatever the length, and ties in chunk id order', async () => {
      const direction = vector(7);
      const entry = (id: string, v: number[]) => [
        { chunkId: `${id}#0`, documentId: id, vector: v, metadata: {} },
      ];
      await index.upsertDocument(
        'acme',
        'c',
        entry(
          'c',
          direction.map((value) => value * 3),
        ),
      );
      await index.upsertDocument('acme', 'b', entry('b', direction));
      await index.upsertDocument('acme', 'a', entry('a', direction));
      const hits = await index.search('acme', direction, 3);
      hits.forEach((hit) => expect(hit.score).toBeCloseTo(1, 4));
      const order = ids(hits);
      expect(order.indexOf('a#0')).toBeLessThan(order.indexOf('b#0'));
    });

    it('replaces every entry a document had on upsert', async () => {
      await index.upsertDocument('acme', 'd1', entries('d1', 3, 1));
      await index.upsertDocument('acme', 'd1', [
        { chunkId: 'd1#new', documentId: 'd1', vector: vector(9), metadata: {} },
      ]);
      expect(index.size).toBe(1);
      expect(ids(await index.search('acme', vector(100), 10))).toEqual(['d1#new']);
      await index.upsertDocument('acme', 'd1', []);
      expect(index.size).toBe(0);
      expect(await index.search('acme', vector(100), 10)).toEqual([]);
    });

    it('counts the entries a delete removed', async () => {
      await index.upsertDocument('acme', 'd1', entries('d1', 3, 1));
      await index.upsertDocument('acme', 'd2', entries('d2', 2, 2));
      expect(await index.deleteDocument('acme', 'd1')).toBe(3);
      expect(await index.deleteDocument('acme', 'd1')).toBe(0);
      expect(await index.deleteDocument('acme', 'unknown')).toBe(0);
      expect(index.size).toBe(2);
      expect(new Set((await index.search('acme', vector(100), 10)).map((hit) => hit.documentId))).toEqual(
        new Set(['d2']),
      );
    });

    it('keeps tenants apart, even for the same document id', async () => {
      await index.upsertDocument('acme', 'd1', entries('d1', 2, 1));
      await index.upsertDocument('globex', 'd1', entries('d1', 3, 1));
      await index.upsertDocument('globex', 'g', entries('g', 1, 5));
      expect(index.size).toBe(6);
      expect(await index.search('acme', vector(100), 10)).toHaveLength(2);
      expect(await index.search('initech', vector(100), 10)).toEqual([]);
      expect(await index.deleteDocument('acme', 'd1')).toBe(2);
      expect(await index.search('acme', vector(100), 10)).toEqual([]);
      expect(await index.search('globex', vector(100), 10)).toHaveLength(4);
    });

    it('returns k hits for a filter whenever k entries match, however far they are', async () => {
      // 60 one-chunk documents; the query is nearest to the unfiltered ones.
      const query = vector(1);
      for (let d = 0; d < 60; d++) {
        const rare = d % 12 === 0;
        const metadata: Record<string, string> = {
          lang: rare ? 'fr' : 'en',
          tags: rare ? 'Rare, owls' : 'common',
          published_at: new Date(Date.UTC(2024, 0, 1 + d)).toISOString(),
          author: rare ? 'o\'Brien \\ "x" %' : 'smith',
        };
        const near = query.map((value, i) => value + ((d * 7 + i) % 5) * (rare ? 0.5 : 0.05));
        await index.upsertDocument('acme', `d${d}`, [
          { chunkId: `d${d}#0`, documentId: `d${d}`, vector: near, metadata },
        ]);
      }
      const rare = ['d0', 'd12', 'd24', 'd36', 'd48'];
      const documents = async (filter: IndexFilter, k = 5) =>
        new Set((await index.search('acme', query, k, filter)).map((hit) => hit.documentId));
      expect(await documents({ lang: 'fr' })).toEqual(new Set(rare));
      expect(await documents({ tags: ['rare'] })).toEqual(new Set(rare));
      expect(await documents({ equals: { author: 'o\'Brien \\ "x" %' } })).toEqual(new Set(rare));
      expect(await documents({ equals: { author: "o'Brien' OR '1'='1" } })).toEqual(new Set());
      expect(await documents({ equals: { document_id: 'd12' } })).toEqual(new Set(['d12']));
      expect(await documents({ documentIds: ['d1', 'd2', "x' OR 1=1 --"] }, 10)).toEqual(
        new Set(['d1', 'd2']),
      );
      const from = Date.UTC(2024, 0, 11);
      const to = Date.UTC(2024, 0, 14);
      expect(await documents({ publishedFrom: from, publishedTo: to }, 10)).toEqual(
        new Set(['d10', 'd11', 'd12', 'd13']),
      );
      expect(await documents({ lang: 'fr', publishedFrom: from }, 10)).toEqual(
        new Set(['d12', 'd24', 'd36', 'd48']),
      );
      expect(await documents({ equals: { missing: 'key' } })).toEqual(new Set());
      const filtered = await index.search('acme', query, 5, { lang: 'fr' });
      expect(filtered.map((hit) => hit.score)).toEqual(
        [...filtered.map((hit) => hit.score)].sort((a, b) => b - a),
      );
    });

    it('returns every match when fewer than k, and nothing for k = 0', async () => {
      await index.upsertDocument('acme', 'd1', entries('d1', 3, 1));
      expect(await index.search('acme', vector(100), 50)).toHaveLength(3);
      expect(await index.search('acme', vector(100), 0)).toEqual([]);
    });

    it('rejects a vector of other dimensions than the index holds', async () => {
      await index.upsertDocument('acme', 'd1', entries('d1', 1, 1));
      await expect(async () =>
        index.upsertDocument('acme', 'd2', [
          { chunkId: 'd2#0', documentId: 'd2', vector: [1, 2], metadata: {} },
        ]),
      ).rejects.toMatchObject({ code: 'INTERNAL' });
    });

    it('has no marker until persisted, then reopens with its entries and marker', async () => {
      expect(index.marker).toBeUndefined();
      await index.upsertDocument('acme', 'd1', entries('d1', 3, 1, { lang: 'en' }));
      await index.upsertDocument('globex', 'd2', entries('d2', 2, 2));
      await index.persist('1:2');
      expect(index.marker).toBe('1:2');
      const before = await index.search('acme', vector(100), 10, { lang: 'en' });
      const reopened = await subject.reopen();
      expect(reopened.marker).toBe('1:2');
      expect(reopened.size).toBe(5);
      expect(ids(await reopened.search('acme', vector(100), 10, { lang: 'en' }))).toEqual(ids(before));
      expect(await reopened.search('globex', vector(100), 10)).toHaveLength(2);
    });

    it('forgets everything on clear, and persists the empty index', async () => {
      await index.upsertDocument('acme', 'd1', entries('d1', 3, 1));
      await index.persist('1:1');
      await index.clear();
      expect(index.size).toBe(0);
      expect(index.marker).toBeUndefined();
      expect(await index.search('acme', vector(100), 10)).toEqual([]);
      await index.upsertDocument('acme', 'd2', entries('d2', 1, 2));
      await index.persist('1:3');
      const reopened = await subject.reopen();
      expect(reopened.marker).toBe('1:3');
      expect(ids(await reopened.search('acme', vector(100), 10))).toEqual(['d2#0']);
    });
  });
}
