import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { KeywordEntry, KeywordHit, PersistentKeywordIndex } from './keyword-index.ts';
import type { SearchFilter } from './search-filter.ts';

export interface KeywordIndexUnderTest {
  index: PersistentKeywordIndex;
  /** A second index over the same persisted data, as after a restart; absent: not persistent. */
  reopen?: () => Promise<PersistentKeywordIndex>;
  cleanup(): Promise<void>;
}

function entry(
  documentId: string,
  text: string,
  metadata: Record<string, string> = {},
  n = 0,
  title = '',
): KeywordEntry {
  return { chunkId: `${documentId}#${n}`, documentId, title, text, metadata };
}

const ids = (hits: KeywordHit[]) => hits.map((hit) => hit.chunkId);
const documents = (hits: KeywordHit[]) => new Set(hits.map((hit) => hit.documentId));

/**
 * What every KeywordIndex adapter must do; run against each one. The texts use words every
 * analyzer keeps as they are (no stop words, no stemming needed), so the contract holds for any
 * analyzer configuration; scores are only compared within one query.
 */
export function keywordIndexContract(name: string, create: () => Promise<KeywordIndexUnderTest>): void {
  describe(`KeywordIndex contract: ${name}`, () => {
    let subject: KeywordIndexUnderTest;
    let index: PersistentKeywordIndex;

    beforeEach(async () => {
      subject = await create();
      index = subject.index;
    });
    afterEach(() => subject.cleanup());

    it('ranks chunks holding more of the query terms first, and finds nothing for unknown terms', async () => {
      await index.upsertDocument('acme', 'both', [entry('both', 'barn owl hunting vole')]);
      await index.upsertDocument('acme', 'owl', [entry('owl', 'barn owl resting quietly')]);
      await index.upsertDocument('acme', 'none', [entry('none', 'diesel engine maintenance')]);
      const hits = await index.search('acme', 'owl vole', 10);
      expect(ids(hits)).toEqual(['both#0', 'owl#0']);
      expect(hits[0]?.score ?? 0).toBeGreaterThan(hits[1]?.score ?? 0);
      expect(hits[0]?.documentId).toBe('both');
      expect(await index.search('acme', 'zeppelin', 10)).toEqual([]);
      expect(await index.search('acme', 'owl', 0)).toEqual([]);
    });

    it('replaces every entry a document had on upsert', async () => {
      await index.upsertDocument('acme', 'd1', [
        entry('d1', 'kestrel hover', {}, 0),
        entry('d1', 'kestrel dive', {}, 1),
      ]);
      await index.upsertDocument('acme', 'd1', [entry('d1', 'falcon stoop', {}, 5)]);
      expect(index.size).toBe(1);
      expect(await index.search('acme', 'kestrel', 10)).toEqual([]);
      expect(ids(await index.search('acme', 'falcon', 10))).toEqual(['d1#5']);
      await index.upsertDocument('acme', 'd1', []);
      expect(index.size).toBe(0);
      expect(await index.search('acme', 'falcon', 10)).toEqual([]);
    });

    it('counts the entries a delete removed', async () => {
      await index.upsertDocument('acme', 'd1', [
        entry('d1', 'kestrel', {}, 0),
        entry('d1', 'kestrel', {}, 1),
      ]);
      await index.upsertDocument('acme', 'd2', [entry('d2', 'kestrel')]);
      expect(await index.deleteDocument('acme', 'd1')).toBe(2);
      expect(await index.deleteDocument('acme', 'd1')).toBe(0);
      expect(await index.deleteDocument('acme', 'unknown')).toBe(0);
      expect(index.size).toBe(1);
      expect(ids(await index.search('acme', 'kestrel', 10))).toEqual(['d2#0']);
    });

    it('keeps tenants apart, even for the same document id', async () => {
      await index.upsertDocument('acme', 'd1', [entry('d1', 'kestrel')]);
      await index.upsertDocument('globex', 'd1', [
        entry('d1', 'kestrel', {}, 0),
        entry('d1', 'kestrel', {}, 1),
      ]);
      expect(index.size).toBe(3);
      expect(await index.search('acme', 'kestrel', 10)).toHaveLength(1);
      expect(await index.search('initech', 'kestrel', 10)).toEqual([]);
      expect(await index.deleteDocument('acme', 'd1')).toBe(1);
      expect(await index.search('acme', 'kestrel', 10)).toEqual([]);
      expect(await index.search('globex', 'kestrel', 10)).toHaveLength(2);
    });

    it('returns k hits for a filter whenever k chunks match, however low they score', async () => {
      // The rare documents mention the term once among many words; the others repeat it.
      for (let d = 0; d < 60; d++) {
        const rare = d % 12 === 0;
        const metadata: Record<string, string> = {
          lang: rare ? 'fr' : 'en',
          tags: rare ? 'Rare, owls' : 'common',
          published_at: new Date(Date.UTC(2024, 0, 1 + d)).toISOString(),
          author: rare ? 'o\'Brien \\ "x" %' : 'smith',
        };
        const text = rare
          ? 'kestrel among meadow hedgerow orchard pasture woodland'
          : 'kestrel kestrel kestrel';
        await index.upsertDocument('acme', `d${d}`, [entry(`d${d}`, text, metadata)]);
      }
      const rare = new Set(['d0', 'd12', 'd24', 'd36', 'd48']);
      const found = async (filter: SearchFilter, k = 5) =>
        documents(await index.search('acme', 'kestrel', k, filter));
      expect(await found({ lang: 'fr' })).toEqual(rare);
      expect(await found({ tags: ['rare'] })).toEqual(rare);
      expect(await found({ equals: { author: 'o\'Brien \\ "x" %' } })).toEqual(rare);
      expect(await found({ equals: { author: "o'Brien' OR '1'='1" } })).toEqual(new Set());
      expect(await found({ equals: { document_id: 'd12' } })).toEqual(new Set(['d12']));
      expect(await found({ documentIds: ['d1', 'd2', "x' OR 1=1 --"] }, 10)).toEqual(new Set(['d1', 'd2']));
      expect(
        await found({ publishedFrom: Date.UTC(2024, 0, 11), publishedTo: Date.UTC(2024, 0, 14) }, 10),
      ).toEqual(new Set(['d10', 'd11', 'd12', 'd13']));
      expect(await found({ equals: { missing: 'key' } })).toEqual(new Set());
      const unfiltered = await index.search('acme', 'kestrel', 5);
      expect([...documents(unfiltered)].some((id) => rare.has(id))).toBe(false);
    });

    it('reopens with its entries and marker once persisted, and persists a clear', async () => {
      expect(index.marker).toBeUndefined();
      await index.upsertDocument('acme', 'd1', [entry('d1', 'kestrel hover', { lang: 'en' })]);
      await index.upsertDocument('globex', 'd2', [entry('d2', 'kestrel dive')]);
      await index.persist('1:2');
      expect(index.marker).toBe('1:2');
      if (!subject.reopen) return;
      const reopened = await subject.reopen();
      expect(reopened.marker).toBe('1:2');
      expect(reopened.size).toBe(2);
      expect(ids(await reopened.search('acme', 'kestrel', 10, { lang: 'en' }))).toEqual(['d1#0']);
      await reopened.clear();
      expect(reopened.size).toBe(0);
      expect(reopened.marker).toBeUndefined();
      expect(await reopened.search('acme', 'kestrel', 10)).toEqual([]);
      await reopened.upsertDocument('acme', 'd3', [entry('d3', 'kestrel stoop')]);
      await reopened.persist('1:4');
      const again = await subject.reopen();
      expect(again.marker).toBe('1:4');
      expect(ids(await again.search('acme', 'kestrel', 10))).toEqual(['d3#0']);
    });

    it('forgets everything on clear', async () => {
      await index.upsertDocument('acme', 'd1', [entry('d1', 'kestrel')]);
      await index.persist('1:1');
      await index.clear();
      expect(index.size).toBe(0);
      expect(index.marker).toBeUndefined();
      expect(await index.search('acme', 'kestrel', 10)).toEqual([]);
    });
  });
}
