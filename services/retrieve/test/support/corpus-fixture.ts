import { join } from 'node:path';
import { FileDocumentStore } from '../../src/adapters/file-document-store.ts';
import { FileKeywordIndex } from '../../src/adapters/file-keyword-index.ts';
import { HnswVectorIndex } from '../../src/adapters/hnsw-vector-index.ts';
import { DEFAULT_BM25 } from '../../src/domain/bm25-index.ts';
import { Corpus } from '../../src/domain/corpus.ts';
import type { DocumentStore } from '../../src/domain/document-store.ts';
import { noMetrics } from '../../src/domain/retrieve-metrics.ts';
import { makeTempDir } from './temp-dir.ts';

export interface CorpusFixture {
  corpus: Corpus;
  store: DocumentStore;
  dataDir: string;
  close(): Promise<void>;
}

/** A corpus on the embedded adapters in a temp dir; wrapStore lets a test disturb the store. */
export async function corpusFixture(
  wrapStore: (store: DocumentStore) => DocumentStore = (store) => store,
): Promise<CorpusFixture> {
  const dir = await makeTempDir();
  const fileStore = new FileDocumentStore(dir.path);
  await fileStore.open();
  const store = wrapStore(fileStore);
  const index = await HnswVectorIndex.open(join(dir.path, 'index'), {
    m: 16,
    efConstruction: 100,
    efSearch: 32,
  });
  const keywords = await FileKeywordIndex.open(join(dir.path, 'keyword-index'), DEFAULT_BM25);
  const corpus = new Corpus(store, index, noMetrics, keywords);
  return {
    corpus,
    store,
    dataDir: dir.path,
    close: async () => {
      await fileStore.close();
      await dir.remove();
    },
  };
}
