import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { makeTempDir } from '../../../test/support/temp-dir.ts';
import { QuietLogger } from '../../../test/support/quiet-logger.ts';
import { FileDocumentStore } from '../../adapters/file-document-store.ts';
import { LanceDbKeywordIndex } from '../../adapters/lancedb-keyword-index.ts';
import { LanceDbVectorIndex } from '../../adapters/lancedb-vector-index.ts';
import { DEFAULT_BM25 } from './bm25-index.ts';
import { Corpus } from './corpus.ts';
import type { ChunkRecord, DocumentRecord } from './records.ts';
import { noMetrics } from './retrieve-metrics.ts';

let dir: { path: string; remove: () => Promise<void> };
let store: FileDocumentStore;
beforeEach(async () => {
  dir = await makeTempDir();
  // One store object stands for the store every replica shares (MongoDB in production).
  store = new FileDocumentStore(dir.path);
  await store.open();
});
afterEach(async () => {
  await store.close();
  await dir.remove();
});

/** A replica's corpus over the shared store and the shared LanceDB dataset. */
async function replica(sharedIndexes: boolean): Promise<Corpus> {
  const uri = `${dir.path}/lancedb`;
  const options = { readConsistencySeconds: 0 };
  const index = await LanceDbVectorIndex.open(uri, 'corpus_vectors', options);
  const keywords = await LanceDbKeywordIndex.open(uri, 'corpus_keywords', DEFAULT_BM25, options);
  return new Corpus(store, index, noMetrics, keywords, undefined, { sharedIndexes });
}

const record = (id: string): DocumentRecord => ({
  id,
  title: id,
  metadata: {},
  length: 5,
  chunkCount: 1,
  updatedAt: '2025-01-01T00:00:00.000Z',
});
const chunk = (documentId: string, vector: number[]): ChunkRecord => ({
  id: `${documentId}#0`,
  documentId,
  n: 0,
  text: `${documentId} kestrel`,
  start: 0,
  end: 5,
  vector,
});

describe('Corpus with shared indexes', () => {
  it('writes a replicated change to the store only, and loads the shared indexes on start', async () => {
    const a = await replica(true);
    const b = await replica(true);
    await a.replaceDocument('acme', record('d1'), [chunk('d1', [1, 0, 0])]);
    // B applies A's change from the corpus stream: already in the shared tables.
    await b.replaceDocument('acme', record('d1'), [chunk('d1', [1, 0, 0])], 'replica');
    expect(await b.index.search('acme', [1, 0, 0], 10)).toHaveLength(1);
    expect(await b.keywords.search('acme', 'kestrel', 10)).toHaveLength(1);
    // Without a journal a delete snapshots at once.
    await b.deleteDocument('acme', 'd1');
    await a.deleteDocument('acme', 'd1', 'replica');
    // Written after the last snapshot, by a replica whose journal a restarted one does not have.
    await a.replaceDocument('acme', record('d2'), [chunk('d2', [0, 1, 0])]);
    await b.replaceDocument('acme', record('d2'), [chunk('d2', [0, 1, 0])], 'replica');
    expect((await a.index.search('acme', [1, 0, 0], 10)).map((hit) => hit.chunkId)).toEqual(['d2#0']);

    const restarted = await replica(true);
    // Its marker is the last snapshot's, behind the store: an index of its own would be rebuilt.
    expect(restarted.index.marker).not.toBe(await store.corpusMarker());
    expect(await restarted.recover(new QuietLogger())).toBe('loaded');
    expect((await restarted.index.search('acme', [0, 1, 0], 10)).map((hit) => hit.chunkId)).toEqual(['d2#0']);
    expect((await restarted.keywords.search('acme', 'kestrel', 10)).map((hit) => hit.chunkId)).toEqual([
      'd2#0',
    ]);
    expect(restarted.index.marker).toBe(await store.corpusMarker());
  });
});
