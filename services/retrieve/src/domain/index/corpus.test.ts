import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { corpusFixture, type CorpusFixture } from '../../../test/support/corpus-fixture.ts';
import { QuietLogger } from '../../../test/support/quiet-logger.ts';
import { DEFAULT_BM25 } from './bm25-index.ts';
import type { ChunkRecord, DocumentRecord } from './records.ts';

let fixture: CorpusFixture;
beforeEach(async () => {
  fixture = await corpusFixture();
});
afterEach(() => fixture.close());

const record = (id: string, metadata: Record<string, string> = {}): DocumentRecord => ({
  id,
  title: id,
  metadata,
  length: 5,
  chunkCount: 1,
  updatedAt: '2025-01-01T00:00:00.000Z',
});
const chunk = (documentId: string, vector: number[]): ChunkRecord => ({
  id: `${documentId}#0`,
  documentId,
  n: 0,
  text: documentId,
  start: 0,
  end: 5,
  vector,
});

/** The corpus as a restarted process opens it from the same data dir. */
const reopen = (options = DEFAULT_BM25) => fixture.reopen(options);

describe('Corpus.recover', () => {
  it('rebuilds an index that lags the store, then loads the persisted one', async () => {
    await fixture.corpus.replaceDocument('acme', record('a', { lang: 'en' }), [chunk('a', [1, 0, 0])]);
    await fixture.corpus.persistIndex();
    // Written to the store after the index was persisted: as if the process died right here.
    await fixture.corpus.replaceDocument('acme', record('b', { lang: 'fr' }), [chunk('b', [0, 1, 0])]);

    const stale = await reopen();
    expect(stale.index.size).toBe(1);
    expect(await stale.recover(new QuietLogger())).toBe('rebuilt');
    expect(await stale.index.search('acme', [0, 1, 0], 1, { equals: { lang: 'fr' } })).toMatchObject([
      { chunkId: 'b#0' },
    ]);
    expect(await stale.keywords.search('acme', 'b', 5)).toMatchObject([{ chunkId: 'b#0' }]);

    const fresh = await reopen();
    expect(await fresh.recover(new QuietLogger())).toBe('loaded');
    expect(fresh.index.size).toBe(2);
  });

  it('persists the index after a delete, so a restart does not bring the document back', async () => {
    await fixture.corpus.replaceDocument('acme', record('a'), [chunk('a', [1, 0, 0])]);
    await fixture.corpus.persistIndex();
    expect(await fixture.corpus.deleteDocument('acme', 'a')).toBe(1);
    const reopened = await reopen();
    expect(await reopened.recover(new QuietLogger())).toBe('loaded');
    expect(await reopened.index.search('acme', [1, 0, 0], 5)).toEqual([]);
    expect(await reopened.keywords.search('acme', 'a', 5)).toEqual([]);
  });

  it('rebuilds only the keyword index when the analyzer changed, from the stored texts', async () => {
    await fixture.corpus.replaceDocument('acme', record('flows'), [
      { ...chunk('flows', [1, 0, 0]), text: 'Flows' },
    ]);
    await fixture.corpus.persistIndex();
    const unstemmed = { ...DEFAULT_BM25, analyzer: { ...DEFAULT_BM25.analyzer, stemming: false } };
    const reopened = await reopen(unstemmed);
    expect(reopened.index.marker).toBe(await fixture.store.corpusMarker());
    expect(reopened.keywords.marker).toBeUndefined();
    expect(await reopened.recover(new QuietLogger())).toBe('rebuilt');
    expect(await reopened.keywords.search('acme', 'flows', 5)).toMatchObject([{ chunkId: 'flows#0' }]);
    expect(await reopened.keywords.search('acme', 'flow', 5)).toEqual([]);
    expect(reopened.index.size).toBe(1);
  });
});
