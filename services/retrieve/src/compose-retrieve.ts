import { join } from 'node:path';
import { connectEventBus } from '@ragfleet/events';
import { EmbedClient } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { FileDocumentStore } from './adapters/file-document-store.ts';
import { GrpcEmbedder } from './adapters/grpc-embedder.ts';
import { FileKeywordIndex } from './adapters/file-keyword-index.ts';
import { HnswVectorIndex } from './adapters/hnsw-vector-index.ts';
import { MongoDocumentStore } from './adapters/mongo-document-store.ts';
import { prometheusRetrieveMetrics } from './adapters/prometheus-metrics.ts';
import type { RetrieveConfig } from './config.ts';
import { Corpus } from './domain/corpus.ts';
import { DocumentService } from './domain/document-service.ts';
import type { DocumentStore } from './domain/document-store.ts';
import type { Embedder } from './domain/embedder.ts';
import { IngestService } from './domain/ingest-service.ts';
import { IngestWorker } from './domain/ingest-worker.ts';
import type { Bm25Params } from './domain/keyword-index.ts';
import type { SearchDefaults } from './domain/search-options.ts';
import { SearchService } from './domain/search-service.ts';
import { RETRIEVE_SERVICE, retrieveHandlers } from './grpc/retrieve-handlers.ts';
import { ingestTopology, type IngestTopology } from './ingest-topology.ts';

/** What a caller may supply instead of the configured adapters (tests: an offline embedder, own streams). */
export interface RetrieveDependencies {
  embedder?: Embedder;
  topology?: IngestTopology;
  /** Wraps the configured store, e.g. to observe or disturb its writes. */
  wrapStore?: (store: DocumentStore) => DocumentStore;
}

/**
 * Builds retrieve: store, index (loaded, or rebuilt when stale), embedder, event bus, ingest
 * worker and gRPC handlers. Each shutdown hook is registered right after its resource exists,
 * so they close in reverse: worker, bus, embed client, index (persisted), store.
 */
export async function composeRetrieve(
  { logger, registry, lifecycle, server }: ServiceKit,
  config: RetrieveConfig,
  dependencies: RetrieveDependencies = {},
): Promise<{ corpus: Corpus; recovery: 'loaded' | 'rebuilt' }> {
  const metrics = prometheusRetrieveMetrics(registry);
  const dataDir = join(config.DATA_DIR, 'retrieve');

  const configured = config.MONGODB_URI
    ? new MongoDocumentStore(config.MONGODB_URI)
    : new FileDocumentStore(dataDir);
  const store = dependencies.wrapStore ? dependencies.wrapStore(configured) : configured;
  await store.open();
  lifecycle.onShutdown('document store', () => store.close());

  const index = await HnswVectorIndex.open(join(dataDir, 'index'), {
    m: config.HNSW_M,
    efConstruction: config.HNSW_EF_CONSTRUCTION,
    efSearch: config.HNSW_EF_SEARCH,
  });
  const keywords = await FileKeywordIndex.open(join(dataDir, 'keyword-index'), {
    analyzer: {
      lowercase: config.ANALYZER_LOWERCASE,
      stopWords: config.ANALYZER_STOP_WORDS,
      stemming: config.ANALYZER_STEMMING,
      minTokenLength: config.ANALYZER_MIN_TOKEN_LENGTH,
    },
    titleWeight: config.BM25_TITLE_WEIGHT,
    params: bm25Params(config),
  });
  const corpus = new Corpus(store, index, metrics, keywords);
  const recovery = await corpus.recover(logger);
  lifecycle.onShutdown('indexes', () => corpus.persistIndex());

  let embedder = dependencies.embedder;
  if (!embedder) {
    const client = new EmbedClient(config.EMBED_ADDR);
    lifecycle.onShutdown('embed client', () => client.close());
    embedder = new GrpcEmbedder(client, { model: config.EMBED_MODEL, batchSize: config.EMBED_BATCH_SIZE });
  }

  const topology = dependencies.topology ?? ingestTopology(config.NATS_NAMESPACE);
  const bus = await connectEventBus({
    natsUrl: config.NATS_URL,
    streams: topology.streams,
    logger,
    name: 'retrieve',
  });
  lifecycle.onShutdown('event bus', () => bus.close());

  const worker = new IngestWorker({
    corpus,
    embedder,
    bus,
    jobsSubject: topology.jobsSubject,
    indexedSubject: topology.indexedSubject,
    durable: topology.workerDurable,
    chunking: {
      strategy: config.CHUNK_STRATEGY,
      size: config.CHUNK_SIZE,
      overlap: config.CHUNK_OVERLAP,
      sentences: config.CHUNK_SENTENCES,
      sentenceOverlap: config.CHUNK_SENTENCE_OVERLAP,
    },
    metrics,
    logger,
    maxAttempts: config.INGEST_MAX_ATTEMPTS,
    embedGroupChunks: config.EMBED_BATCH_SIZE,
  });
  const subscription = await worker.start(config.INGEST_CONCURRENCY);
  lifecycle.onShutdown('ingest worker', () => subscription.stop());

  const handlers = retrieveHandlers({
    ingest: new IngestService({ store, bus, jobsSubject: topology.jobsSubject }),
    documents: new DocumentService(corpus),
    search: new SearchService(corpus, embedder, metrics, searchDefaults(config)),
  });
  server.addService(RETRIEVE_SERVICE, protos.retrieve().RetrieveService.service, handlers);
  return { corpus, recovery };
}

function searchDefaults(config: RetrieveConfig): SearchDefaults {
  return {
    mode: config.SEARCH_MODE,
    fusion: config.SEARCH_FUSION,
    weights: { vector: config.SEARCH_VECTOR_WEIGHT, keyword: config.SEARCH_KEYWORD_WEIGHT },
    rrfK: config.SEARCH_RRF_K,
    rerank: config.SEARCH_RERANK,
    mmrLambda: config.SEARCH_MMR_LAMBDA,
    candidates: config.SEARCH_CANDIDATES,
    bm25: bm25Params(config),
    feedback: { documents: config.SEARCH_FEEDBACK_DOCUMENTS, weight: config.SEARCH_FEEDBACK_WEIGHT },
  };
}

function bm25Params(config: RetrieveConfig): Bm25Params {
  return {
    k1: config.BM25_K1,
    b: config.BM25_B,
    feedback: {
      documents: config.BM25_FEEDBACK_DOCUMENTS,
      terms: config.BM25_FEEDBACK_TERMS,
      weight: config.BM25_FEEDBACK_WEIGHT,
    },
  };
}
