import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { HnswVectorIndex } from '../adapters/hnsw-vector-index.ts';
import { corpusFixture, type CorpusFixture } from '../../test/support/corpus-fixture.ts';
import { QuietLogger } from '../../test/support/quiet-logger.ts';
import { Corpus } from './corpus.ts';
import type { ChunkRecord, DocumentRecord } from './model.ts';
import { noMetrics } from './retrieve-metrics.ts';

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

const reopenIndex = () =>
  HnswVectorIndex.open(join(fixture.dataDir, 'index'), { m: 16, efConstruction: 100, efSearch: 32 });

describe('Corpus.recover', () => {
  it('rebuilds an index that lags the store, then loads the persisted one', async () => {
    await fixture.corpus.replaceDocument('acme', record('a', { lang: 'en' }), [chunk('a', [1, 0, 0])]);
    await fixture.corpus.persistIndex();
    // Written to the store after the index was persisted: as if the process died right here.
    await fixture.corpus.replaceDocument('acme', record('b', { lang: 'fr' }), [chunk('b', [0, 1, 0])]);

    const stale = new Corpus(fixture.store, await reopenIndex(), noMetrics);
    expect(stale.index.size).toBe(1);
    expect(await stale.recover(new QuietLogger())).toBe('rebuilt');
    expect(stale.index.search('acme', [0, 1, 0], 1, { equals: { lang: 'fr' } })).toMatchObject([
      { chunkId: 'b#0' },
    ]);

    const fresh = new Corpus(fixture.store, await reopenIndex(), noMetrics);
    expect(await fresh.recover(new QuietLogger())).toBe('loaded');
    expect(fresh.index.size).toBe(2);
  });

  it('persists the index after a delete, so a restart does not bring the document back', async () => {
    await fixture.corpus.replaceDocument('acme', record('a'), [chunk('a', [1, 0, 0])]);
    await fixture.corpus.persistIndex();
    expect(await fixture.corpus.deleteDocument('acme', 'a')).toBe(1);
    const reopened = new Corpus(fixture.store, await reopenIndex(), noMetrics);
    expect(await reopened.recover(new QuietLogger())).toBe('loaded');
    expect(reopened.index.search('acme', [1, 0, 0], 5)).toEqual([]);
  });
});
