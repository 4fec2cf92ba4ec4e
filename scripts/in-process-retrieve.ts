// Retrieve and embed composed in ONE process from the services' own domain classes and adapters
// (local model, file store, HNSW index with the fleet's defaults) over a data directory: what the
// benchmarks compare the fleet against and what the answer evaluation searches with.
import { join } from 'node:path';
import { LocalEmbeddingProvider } from '../services/embed/src/adapters/local/local-embedding-provider.ts';
import { LocalModelPool } from '../services/embed/src/adapters/local/local-model-pool.ts';
import { LruEmbeddingCache } from '../services/embed/src/adapters/lru-embedding-cache.ts';
import { EmbeddingService } from '../services/embed/src/domain/embedding-service.ts';
import { ModelCatalog } from '../services/embed/src/domain/model-catalog.ts';
import type { Passage } from '../services/generate/src/domain/ports.ts';
import { FileDocumentStore } from '../services/retrieve/src/adapters/file-document-store.ts';
import { HnswVectorIndex } from '../services/retrieve/src/adapters/hnsw-vector-index.ts';
import { Corpus } from '../services/retrieve/src/domain/index/corpus.ts';
import { noMetrics } from '../services/retrieve/src/domain/index/retrieve-metrics.ts';
import { SearchService } from '../services/retrieve/src/domain/search/search-service.ts';

export interface InProcessRetrieve {
  corpus: Corpus;
  search: SearchService;
  /** Texts to vectors with the local model, as retrieve's embed client returns them. */
  embed(texts: string[]): Promise<number[][]>;
  /** A search's hits as generate's Retriever port hands them to the pipeline. */
  passages(tenant: string, query: string, k: number, filters?: Record<string, string>): Promise<Passage[]>;
  close(): Promise<void>;
}

export async function composeInProcessRetrieve(
  dataDir: string,
  options: { workers: number; cacheEntries: number },
): Promise<InProcessRetrieve> {
  const pool = new LocalModelPool({ size: options.workers });
  await pool.start();
  const local = new LocalEmbeddingProvider(pool);
  const embedding = new EmbeddingService({
    catalog: new ModelCatalog([local], local.model),
    cache: new LruEmbeddingCache({ maxEntries: options.cacheEntries }),
    batchSize: 32,
    concurrency: pool.size,
  });
  const embed = async (texts: string[]) =>
    (await embedding.embed({ texts })).vectors.map((vector) => Array.from(vector));

  const store = new FileDocumentStore(join(dataDir, 'retrieve'));
  await store.open();
  const index = await HnswVectorIndex.open(join(dataDir, 'retrieve', 'index'), {
    m: 16,
    efConstruction: 200,
    efSearch: 64,
  });
  const corpus = new Corpus(store, index, noMetrics);
  await corpus.recover({ info: () => {} });
  const search = new SearchService(corpus, { model: local.model, embed }, noMetrics);
  return {
    corpus,
    search,
    embed,
    passages: async (tenant, query, k, filters = {}) =>
      (await search.search(tenant, { query, k, filters })).map((hit) => ({
        documentId: hit.documentId,
        chunkId: hit.chunkId,
        title: hit.title,
        text: hit.text,
        score: hit.score,
        start: hit.start,
        end: hit.end,
      })),
    close: async () => {
      await pool.close();
      await store.close();
    },
  };
}
