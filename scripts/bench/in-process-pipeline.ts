// The RAG pipeline of generate, retrieve, router and embed composed in ONE process from the same
// domain classes and the same data directory the fleet wrote, so that fleet latency can be
// compared with the pipeline alone: the difference is what the fleet's hops cost.
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { LocalEmbeddingProvider } from '../../services/embed/src/adapters/local/local-embedding-provider.ts';
import { LocalModelPool } from '../../services/embed/src/adapters/local/local-model-pool.ts';
import { LruEmbeddingCache } from '../../services/embed/src/adapters/lru-embedding-cache.ts';
import { EmbeddingService } from '../../services/embed/src/domain/embedding-service.ts';
import { ModelCatalog } from '../../services/embed/src/domain/model-catalog.ts';
import { FileDocumentStore } from '../../services/retrieve/src/adapters/file-document-store.ts';
import { HnswVectorIndex } from '../../services/retrieve/src/adapters/hnsw-vector-index.ts';
import { Corpus } from '../../services/retrieve/src/domain/index/corpus.ts';
import { noMetrics } from '../../services/retrieve/src/domain/index/retrieve-metrics.ts';
import { SearchService } from '../../services/retrieve/src/domain/search/search-service.ts';
import { loadCatalogFile } from '../../services/router/src/adapters/catalog-file.ts';
import { RoutePolicy } from '../../services/router/src/domain/route-policy.ts';
import { ExtractiveProvider } from '../../services/generate/src/adapters/extractive/extractive-provider.ts';
import { loadPromptLibrary } from '../../services/generate/src/adapters/prompt-files.ts';
import { AnswerPipeline } from '../../services/generate/src/domain/answer-pipeline.ts';
import { ProviderGuard } from '../../services/generate/src/domain/provider-guard.ts';

export interface InProcessPipeline {
  pipeline: AnswerPipeline;
  /** The search the pipeline retrieves with: what /v1/search is compared against. */
  search: SearchService;
  close(): Promise<void>;
}

export async function composeInProcessPipeline(
  dataDir: string,
  tenant = 'default',
): Promise<InProcessPipeline> {
  const pool = new LocalModelPool({ size: Number(process.env.EMBED_WORKERS ?? availableParallelism()) });
  await pool.start();
  const local = new LocalEmbeddingProvider(pool);
  const embedding = new EmbeddingService({
    catalog: new ModelCatalog([local], local.model),
    cache: new LruEmbeddingCache({ maxEntries: 50_000 }),
    batchSize: 32,
    concurrency: pool.size,
  });

  const store = new FileDocumentStore(join(dataDir, 'retrieve'));
  await store.open();
  const index = await HnswVectorIndex.open(join(dataDir, 'retrieve', 'index'), {
    m: 16,
    efConstruction: 200,
    efSearch: 64,
  });
  const corpus = new Corpus(store, index, noMetrics);
  await corpus.recover({ info: () => {} });
  const search = new SearchService(
    corpus,
    {
      model: local.model,
      embed: async (texts) => (await embedding.embed({ texts })).vectors.map((vector) => Array.from(vector)),
    },
    noMetrics,
  );

  const policy = new RoutePolicy(
    loadCatalogFile(join(import.meta.dirname, '../../services/router/catalog.json')),
    new Set(['extractive']),
  );
  const pipeline = new AnswerPipeline({
    router: { route: async (query, tier) => policy.route(query, tier) },
    retriever: {
      search: async (query, k, filters) =>
        (await search.search(tenant, { query, k, filters })).map((hit) => ({
          documentId: hit.documentId,
          chunkId: hit.chunkId,
          title: hit.title,
          text: hit.text,
          score: hit.score,
          start: hit.start,
          end: hit.end,
        })),
    },
    prompts: loadPromptLibrary('rag-answer', 'v1'),
    providers: [new ExtractiveProvider()],
    guard: new ProviderGuard(),
    defaultTopK: 5,
  });
  return {
    pipeline,
    search,
    close: async () => {
      await pool.close();
      await store.close();
    },
  };
}
