import { join } from 'node:path';
import { connectEventBus } from '@ragfleet/events';
import { EmbedClient } from '@ragfleet/grpc';
import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { FileDocumentStore } from './adapters/file-document-store.ts';
import { GrpcEmbedder } from './adapters/grpc-embedder.ts';
import { MongoDocumentStore } from './adapters/mongo-document-store.ts';
import { exportIngestBacklog, prometheusRetrieveMetrics } from './adapters/prometheus-metrics.ts';
import { CorpusReplication } from './adapters/corpus-replication.ts';
import { FileIndexCatalog } from './adapters/file-index-catalog.ts';
import type { RetrieveConfig } from './config.ts';
import type { ChunkingOptions } from './domain/chunking/chunking.ts';
import { IndexVersions } from './domain/versions/index-versions.ts';
import { noMetrics, type RetrieveMetrics } from './domain/index/retrieve-metrics.ts';
import { INDEX_VERSION_SERVICE, indexVersionHandlers } from './grpc/index-version-handlers.ts';
import { Corpus } from './domain/index/corpus.ts';
import { DocumentService } from './domain/index/document-service.ts';
import type { DocumentStore } from './domain/index/document-store.ts';
import type { Embedder } from './domain/index/embedder.ts';
import { IngestService } from './domain/ingest/ingest-service.ts';
import { IngestSweep } from './domain/ingest/ingest-sweep.ts';
import { IngestWorker } from './domain/ingest/ingest-worker.ts';
import type { SearchDefaults } from './domain/search/search-options.ts';
import { CachedQueryEmbedder } from './domain/search/cached-query-embedder.ts';
import { SearchService } from './domain/search/search-service.ts';
import { RETRIEVE_SERVICE, retrieveHandlers } from './grpc/retrieve-handlers.ts';
import { ingestTopology, type IngestTopology } from './ingest-topology.ts';
import { OperationLog } from './adapters/operation-log.ts';
import type { IndexJournal, IndexJournalEntry, Recovery } from './domain/index/corpus.ts';
import { IndexSnapshots } from './domain/ingest/index-snapshots.ts';
import { startPeriodicTask } from '@ragfleet/lifecycle';
import { bm25Params, openCorpusIndexes } from './index-backend.ts';

/** What a caller may supply instead of the configured adapters (tests: an offline embedder, own streams). */
export interface RetrieveDependencies {
  embedder?: Embedder;
  /** The embedder of an index version's model; without it, the embed service serves every model. */
  embedderFor?: (model: string) => Embedder;
  topology?: IngestTopology;
  /** Wraps the configured store, e.g. to observe or disturb its writes. */
  wrapStore?: (store: DocumentStore) => DocumentStore;
}

/** The composition root hostService runs (main.ts): retrieve on its configured adapters. */
export async function compose(kit: ServiceKit, config: RetrieveConfig): Promise<void> {
  await composeRetrieve(kit, config);
}

/**
 * Builds retrieve: store, index (loaded, journal replayed, or rebuilt when stale), embedder, event bus, ingest
 * worker and gRPC handlers. Each shutdown hook is registered right after its resource exists,
 * so they close in reverse: sweep, worker, bus, embed client, index (persisted), store.
 */
export async function composeRetrieve(
  { logger, registry, lifecycle, server, transport }: ServiceKit,
  config: RetrieveConfig,
  dependencies: RetrieveDependencies = {},
): Promise<{ corpus: Corpus; versions: IndexVersions; recovery: Recovery }> {
  const metrics = prometheusRetrieveMetrics(registry);
  const dataDir = join(config.DATA_DIR, 'retrieve');

  const configured = config.MONGODB_URI
    ? new MongoDocumentStore(config.MONGODB_URI)
    : new FileDocumentStore(dataDir);
  const store = dependencies.wrapStore ? dependencies.wrapStore(configured) : configured;
  await store.open();
  lifecycle.onShutdown('document store', () => store.close());
  exportIngestBacklog(registry, store);

  // Names every index write since the last snapshot, so snapshots can be taken in batches.
  const journal = new OperationLog<IndexJournalEntry>(join(dataDir, 'index-journal.jsonl'));
  lifecycle.onShutdown('index journal', () => journal.close());
  const corpus = await openCorpus(dataDir, 'corpus', store, config, metrics, journal);
  const recovery = await corpus.recover(logger);
  const snapshots = new IndexSnapshots({
    snapshot: () => corpus.persistIndex(),
    everyJobs: config.INDEX_SNAPSHOT_EVERY_JOBS,
    intervalMs: config.INDEX_SNAPSHOT_INTERVAL_MS,
    logger,
  });
  corpus.onChange(async () => snapshots.changed());
  lifecycle.onShutdown('indexes', () => corpus.persistIndex());
  const snapshotting = startPeriodicTask(
    'index snapshot',
    Math.min(config.INDEX_SNAPSHOT_INTERVAL_MS, 1_000),
    () => snapshots.tick(),
    logger,
  );
  lifecycle.onShutdown('index snapshot timer', () => snapshotting.stop());

  let embedder = dependencies.embedder;
  let embedderFor = dependencies.embedderFor;
  if (!embedder || !embedderFor) {
    // Service credentials: embed trusts the call only with this service's token.
    const client = new EmbedClient(config.EMBED_ADDR, { transport, registry });
    lifecycle.onShutdown('embed client', () => client.close());
    const grpcEmbedder = (model: string) =>
      new GrpcEmbedder(client, { model, batchSize: config.EMBED_BATCH_SIZE });
    embedder ??= grpcEmbedder(config.EMBED_MODEL);
    embedderFor ??= grpcEmbedder;
  }

  const topology = dependencies.topology ?? ingestTopology(config.NATS_NAMESPACE);
  const bus = await connectEventBus({
    natsUrl: config.NATS_URL,
    streams: topology.streams,
    logger,
    name: 'retrieve',
  });
  lifecycle.onShutdown('event bus', () => bus.close());

  const chunking: ChunkingOptions = {
    strategy: config.CHUNK_STRATEGY,
    size: config.CHUNK_SIZE,
    overlap: config.CHUNK_OVERLAP,
    sentences: config.CHUNK_SENTENCES,
    sentenceOverlap: config.CHUNK_SENTENCE_OVERLAP,
  };
  const defaults = searchDefaults(config);
  const versions = await IndexVersions.open({
    source: corpus,
    sourceEmbedder: embedder,
    sourceChunking: chunking,
    catalog: new FileIndexCatalog(dataDir),
    openCorpus: (id) => openVersionCorpus(dataDir, id, config),
    embedderFor: (model) => (model === '' || model === embedder.model ? embedder : embedderFor(model)),
    searcherFor: (versionCorpus, versionEmbedder) =>
      new SearchService(
        versionCorpus,
        new CachedQueryEmbedder(versionEmbedder, {
          maxEntries: config.QUERY_EMBEDDING_CACHE_ENTRIES,
          metrics,
        }),
        metrics,
        defaults,
      ),
    bus,
    progressSubject: topology.versionProgressSubject,
    activatedSubject: topology.versionActivatedSubject,
    tolerance: config.INDEX_CUTOVER_TOLERANCE,
    batchDocuments: config.INDEX_BUILD_BATCH_DOCUMENTS,
    logger,
  });
  lifecycle.onShutdown('index versions', () => versions.close());

  // Replicas keep their own indexes; with NATS they converge by applying every replica's writes
  // (to a shared LanceDB dataset only the replica that made a change writes it).
  if (config.NATS_URL) {
    const replication = new CorpusReplication({
      corpus,
      versions,
      bus,
      subject: topology.corpusSubject,
      durable: topology.corpusDurable(config.REPLICA_ID),
      source: `retrieve/${config.REPLICA_ID}`,
    });
    await replication.start();
    lifecycle.onShutdown('corpus replication', () => replication.stop());
  }

  const worker = new IngestWorker({
    corpus,
    embedder,
    bus,
    jobsSubject: topology.jobsSubject,
    indexedSubject: topology.indexedSubject,
    durable: topology.workerDurable,
    chunking,
    metrics,
    logger,
    maxAttempts: config.INGEST_MAX_ATTEMPTS,
    ackWaitMs: config.INGEST_ACK_WAIT_MS,
    embedGroupChunks: config.EMBED_BATCH_SIZE,
    embedWaitMs: config.INGEST_EMBED_WAIT_MS,
    snapshots,
  });

  // The safety net under the queue: jobs whose message or worker was lost are published again.
  const sweep = new IngestSweep({
    store,
    bus,
    jobsSubject: topology.jobsSubject,
    staleAfterMs: config.INGEST_STALE_MS,
    maxAttempts: config.INGEST_MAX_ATTEMPTS,
    metrics,
    logger,
  });
  // The embedded queue lives in this process's memory, so the last stop lost its messages: every
  // stored job not ended (interrupted by that stop, or never taken) is queued again before the
  // worker starts. JetStream keeps its messages across a restart; there the sweep covers the rest.
  if (!config.NATS_URL) await sweep.resumeAll(new Date());

  const subscription = await worker.start(config.INGEST_CONCURRENCY);
  lifecycle.onShutdown('ingest worker', () => subscription.stop());
  metrics.eventBusConnected(bus.state === 'connected');
  const sweeping = startPeriodicTask(
    'ingest sweep',
    config.INGEST_SWEEP_MS,
    async () => {
      metrics.eventBusConnected(bus.state === 'connected');
      if (bus.state === 'connected') await sweep.sweep();
    },
    logger,
  );
  lifecycle.onShutdown('ingest sweep', () => sweeping.stop());

  const handlers = retrieveHandlers({
    ingest: new IngestService({ store, bus, jobsSubject: topology.jobsSubject, logger }),
    documents: new DocumentService(corpus),
    search: versions,
  });
  server.addService(RETRIEVE_SERVICE, protos.retrieve().RetrieveService.service, handlers);
  server.addService(
    INDEX_VERSION_SERVICE,
    protos.retrieve().IndexVersionService.service,
    indexVersionHandlers(versions, chunking),
  );
  return { corpus, versions, recovery };
}

/** A store with its two indexes, on the configured backend, beside it in `dir`. */
async function openCorpus(
  dir: string,
  name: 'corpus' | `v${number}`,
  store: DocumentStore,
  config: RetrieveConfig,
  metrics: RetrieveMetrics,
  journal?: IndexJournal,
): Promise<Corpus> {
  const { index, keywords, shared } = await openCorpusIndexes(dir, name, config);
  return new Corpus(store, index, metrics, keywords, journal, { sharedIndexes: shared });
}

/**
 * A derived index version keeps its re-chunked, re-embedded chunks in a file store of its own
 * beside its indexes (also with MongoDB): it is derived data, rebuilt from the corpus of record.
 * Its size is not reported: the index size gauge follows the corpus of record.
 */
async function openVersionCorpus(dataDir: string, id: number, config: RetrieveConfig): Promise<Corpus> {
  const dir = join(dataDir, 'versions', `v${id}`);
  const store = new FileDocumentStore(dir);
  await store.open();
  return openCorpus(dir, `v${id}`, store, config, noMetrics);
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
