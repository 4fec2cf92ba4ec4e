import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { corpusFixture, type CorpusFixture } from '../../../test/support/corpus-fixture.ts';
import { QuietLogger } from '../../../test/support/quiet-logger.ts';
import { FileKeywordIndex } from '../../adapters/file-keyword-index.ts';
import { HnswVectorIndex } from '../../adapters/hnsw-vector-index.ts';
import { OperationLog } from '../../adapters/operation-log.ts';
import { DEFAULT_BM25 } from './bm25-index.ts';
import { Corpus, type IndexJournalEntry } from './corpus.ts';
import type { ChunkRecord, DocumentRecord } from './records.ts';
import { noMetrics } from './retrieve-metrics.ts';

let fixture: CorpusFixture;
const journals: Array<OperationLog<IndexJournalEntry>> = [];
beforeEach(async () => {
  fixture = await corpusFixture();
});
afterEach(async () => {
  for (const journal of journals.splice(0)) await journal.close();
  await fixture.close();
});

/** The corpus with its journal as a (re)started process opens it from the data dir, recovered. */
async function open(): Promise<{ corpus: Corpus; recovery: string }> {
  const index = await HnswVectorIndex.open(join(fixture.dataDir, 'index'), {
    m: 16,
    efConstruction: 100,
    efSearch: 32,
  });
  const keywords = await FileKeywordIndex.open(join(fixture.dataDir, 'keyword-index'), DEFAULT_BM25);
  const journal = new OperationLog<IndexJournalEntry>(join(fixture.dataDir, 'index-journal.jsonl'));
  journals.push(journal);
  const corpus = new Corpus(fixture.store, index, noMetrics, keywords, journal);
  return { corpus, recovery: await corpus.recover(new QuietLogger()) };
}

const record = (id: string, chunkCount = 1): DocumentRecord => ({
  id,
  title: id,
  metadata: {},
  length: 5,
  chunkCount,
  updatedAt: '2025-01-01T00:00:00.000Z',
});
const chunk = (documentId: string, n: number, vector: number[]): ChunkRecord => ({
  id: `${documentId}#${n}`,
  documentId,
  n,
  text: `${documentId} ${['apple', 'banana'][n]}`,
  start: 0,
  end: 5,
  vector,
});

describe('Corpus with an index journal', () => {
  it('replays writes acknowledged after the last snapshot (a crash: no snapshot, no close)', async () => {
    const first = (await open()).corpus;
    await first.replaceDocument('acme', record('a'), [chunk('a', 0, [1, 0, 0])]);
    await first.persistIndex();
    await first.replaceDocument('acme', record('b', 2), [chunk('b', 0, [0, 1, 0]), chunk('b', 1, [0, 0, 1])]);
    await first.replaceDocument('acme', record('c'), [chunk('c', 0, [0, 1, 1])]);
    await first.deleteDocument('acme', 'a');

    const { corpus, recovery } = await open();
    expect(recovery).toBe('replayed');
    expect(corpus.index.size).toBe(3);
    expect(await corpus.index.search('acme', [0, 0, 1], 1)).toMatchObject([{ chunkId: 'b#1' }]);
    expect((await corpus.index.search('acme', [1, 0, 0], 5)).some((hit) => hit.documentId === 'a')).toBe(
      false,
    );
    expect((await corpus.keywords.search('acme', 'banana', 5))[0]?.chunkId).toBe('b#1');

    // Replay ended in a snapshot: the next start has nothing to replay.
    expect((await open()).recovery).toBe('loaded');
  });

  it('does not snapshot on a delete: the journal holds it', async () => {
    const first = (await open()).corpus;
    await first.replaceDocument('acme', record('a'), [chunk('a', 0, [1, 0, 0])]);
    await first.persistIndex();
    const snapshotMarker = first.index.marker;
    await first.deleteDocument('acme', 'a');
    expect(first.index.marker).toBe(snapshotMarker);

    const { corpus, recovery } = await open();
    expect(recovery).toBe('replayed');
    expect(corpus.index.size).toBe(0);
  });

  it('rebuilds when the store holds a write the journal never named (a crash between the two)', async () => {
    const first = (await open()).corpus;
    await first.replaceDocument('acme', record('a'), [chunk('a', 0, [1, 0, 0])]);
    await fixture.store.upsertDocument('acme', record('b'), [chunk('b', 0, [0, 1, 0])]);

    const { corpus, recovery } = await open();
    expect(recovery).toBe('rebuilt');
    expect(corpus.index.size).toBe(2);
  });

  it('starts its journal from a snapshot written before there was one (an upgrade), so a crash replays', async () => {
    await fixture.corpus.replaceDocument('acme', record('a'), [chunk('a', 0, [1, 0, 0])]);
    await fixture.corpus.persistIndex();
    const first = await open();
    expect(first.recovery).toBe('loaded');
    await first.corpus.replaceDocument('acme', record('b'), [chunk('b', 0, [0, 1, 0])]);

    const { corpus, recovery } = await open();
    expect(recovery).toBe('replayed');
    expect(corpus.index.size).toBe(2);
  });

  it('names a group of documents with one journal append (one sync), and replays them all', async () => {
    const { corpus: first } = await open();
    const journal = journals.at(-1)!;
    let appends = 0;
    const append = journal.append.bind(journal);
    journal.append = (...entries) => {
      appends += 1;
      return append(...entries);
    };
    await first.replaceDocuments('acme', [
      { document: record('a'), chunks: [chunk('a', 0, [1, 0, 0])] },
      { document: record('b'), chunks: [chunk('b', 0, [0, 1, 0])] },
      { document: record('c'), chunks: [chunk('c', 0, [0, 0, 1])] },
    ]);
    expect(appends).toBe(1);

    const { corpus, recovery } = await open();
    expect(recovery).toBe('replayed');
    expect(corpus.index.size).toBe(3);
  });
});
