import { join } from 'node:path';
import { FileDocumentStore } from '../../src/adapters/file-document-store.ts';
import { FileKeywordIndex } from '../../src/adapters/file-keyword-index.ts';
import { HnswVectorIndex } from '../../src/adapters/hnsw-vector-index.ts';
import { DEFAULT_BM25, type Bm25Options } from '../../src/domain/index/bm25-index.ts';
import { Corpus } from '../../src/domain/index/corpus.ts';
import type { DocumentStore } from '../../src/domain/index/document-store.ts';
import { noMetrics } from '../../src/domain/index/retrieve-metrics.ts';
import { makeTempDir } from './temp-dir.ts';

export interface CorpusFixture {
  corpus: Corpus;
  store: DocumentStore;
  dataDir: string;
  /** The corpus as a restarted process opens it: the same store, its indexes read back from the data dir. */
  reopen(keywordOptions?: Bm25Options): Promise<Corpus>;
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
  const openIndexes = async (keywordOptions: Bm25Options) => {
    const index = await HnswVectorIndex.open(join(dir.path, 'index'), {
      m: 16,
      efConstruction: 100,
      efSearch: 32,
    });
    const keywords = await FileKeywordIndex.open(join(dir.path, 'keyword-index'), keywordOptions);
    return new Corpus(store, index, noMetrics, keywords);
  };
  const corpus = await openIndexes(DEFAULT_BM25);
  return {
    corpus,
    store,
    dataDir: dir.path,
    reopen: (keywordOptions = DEFAULT_BM25) => openIndexes(keywordOptions),
    close: async () => {
      await fileStore.close();
      await dir.remove();
    },
  };
}
