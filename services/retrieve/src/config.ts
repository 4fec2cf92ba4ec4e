import { hostname } from 'node:os';
import { z } from 'zod';
import { env, loadConfig, serviceAddresses, serviceFields } from '@ragfleet/config';
import { DEFAULT_ANALYZER } from './domain/index/analyzer.ts';
import { DEFAULT_BM25 } from './domain/index/bm25-index.ts';
import { CHUNK_STRATEGIES } from './domain/chunking/chunking.ts';
import { FUSION_METHODS } from './domain/search/fusion.ts';
import { RERANKERS, SEARCH_MODES } from './domain/search/search-options.ts';
import { DEFAULT_SEARCH } from './domain/search/search-service.ts';

export const INDEX_BACKENDS = ['hnsw', 'lancedb'] as const;

const number = (fallback: number, min: number, max: number) =>
  z.coerce.number().min(min).max(max).default(fallback);

export const retrieveConfigSchema = z
  .object({
    ...serviceFields('retrieve'),
    /** Embedded state (store log, index files) lives under DATA_DIR/retrieve. */
    DATA_DIR: z.string().min(1).default('.data'),
    NATS_URL: env.optionalUrl(),
    NATS_NAMESPACE: env.natsNamespace(),
    /**
     * Names this replica's own consumer of corpus changes (with NATS): it must stay the same across
     * restarts (a StatefulSet pod name) so that a restarted replica replays only what it missed.
     */
    REPLICA_ID: z.string().min(1).default(hostname()),
    // A string, not a URL: MongoDB seed lists (host1,host2) are not valid URLs.
    MONGODB_URI: env.optionalString(),
    EMBED_ADDR: serviceAddresses.EMBED_ADDR(),
    EMBED_MODEL: z.string().default(''),
    EMBED_BATCH_SIZE: env.positiveInt(64),
    CHUNK_SIZE: env.positiveInt(1000),
    CHUNK_OVERLAP: env.nonNegativeInt(150),
    /** Default chunking strategy; an ingest request may choose another. */
    CHUNK_STRATEGY: z.enum(CHUNK_STRATEGIES).default('characters'),
    CHUNK_SENTENCES: env.positiveInt(5),
    CHUNK_SENTENCE_OVERLAP: env.nonNegativeInt(1),
    // Keyword analyzer: changing any of these rebuilds the BM25 index from the store on start.
    ANALYZER_LOWERCASE: env.boolean(DEFAULT_ANALYZER.lowercase),
    ANALYZER_STOP_WORDS: env.boolean(DEFAULT_ANALYZER.stopWords),
    ANALYZER_STEMMING: env.boolean(DEFAULT_ANALYZER.stemming),
    ANALYZER_MIN_TOKEN_LENGTH: env.positiveInt(DEFAULT_ANALYZER.minTokenLength),
    BM25_TITLE_WEIGHT: number(DEFAULT_BM25.titleWeight, 0, 10),
    // Query-time BM25 parameters: no rebuild needed.
    BM25_K1: number(DEFAULT_BM25.params.k1, 0, 10),
    BM25_B: number(DEFAULT_BM25.params.b, 0, 1),
    // RM3 pseudo-relevance feedback (0 documents: off).
    BM25_FEEDBACK_DOCUMENTS: env.nonNegativeInt(DEFAULT_BM25.params.feedback?.documents ?? 0),
    BM25_FEEDBACK_TERMS: env.positiveInt(DEFAULT_BM25.params.feedback?.terms ?? 20),
    BM25_FEEDBACK_WEIGHT: number(DEFAULT_BM25.params.feedback?.weight ?? 0, 0, 1),
    // Search defaults for what a request leaves out.
    SEARCH_MODE: z.enum(SEARCH_MODES).default(DEFAULT_SEARCH.mode),
    SEARCH_FUSION: z.enum(FUSION_METHODS).default(DEFAULT_SEARCH.fusion),
    SEARCH_VECTOR_WEIGHT: number(DEFAULT_SEARCH.weights.vector, 0, 1),
    SEARCH_KEYWORD_WEIGHT: number(DEFAULT_SEARCH.weights.keyword, 0, 1),
    SEARCH_RRF_K: env.positiveInt(DEFAULT_SEARCH.rrfK),
    SEARCH_RERANK: z.enum(RERANKERS).default(DEFAULT_SEARCH.rerank),
    SEARCH_MMR_LAMBDA: number(DEFAULT_SEARCH.mmrLambda, 0.01, 1),
    SEARCH_CANDIDATES: env.positiveInt(DEFAULT_SEARCH.candidates),
    // Hybrid mode: move the query vector towards the top keyword hits (0 documents: off).
    SEARCH_FEEDBACK_DOCUMENTS: env.nonNegativeInt(DEFAULT_SEARCH.feedback.documents),
    SEARCH_FEEDBACK_WEIGHT: number(DEFAULT_SEARCH.feedback.weight, 0, 1),
    /** Query vectors kept per index version, so a repeated question skips the embed call (0: off). */
    QUERY_EMBEDDING_CACHE_ENTRIES: env.nonNegativeInt(2_000),
    /**
     * Which engine holds the vector and keyword indexes: `hnsw` (hnswlib graphs and BM25 in this
     * process's memory, snapshotted under DATA_DIR) or `lancedb` (LanceDB tables on disk or object
     * storage, IVF-PQ and full-text search: for corpora past one replica's memory).
     */
    INDEX_BACKEND: z.enum(INDEX_BACKENDS).default('hnsw'),
    /**
     * Where the LanceDB dataset is (INDEX_BACKEND=lancedb): a directory, or an object storage URI
     * (s3://bucket/path, gs://, az://) LanceDB opens with its own credentials chain. Unset: a
     * directory beside each corpus, under DATA_DIR/retrieve.
     */
    LANCEDB_URI: env.optionalString(),
    /**
     * Every replica uses the same LANCEDB_URI dataset (and the same MongoDB store): a replica writes
     * only its own changes to it and does not rebuild it on start (see CorpusOptions.sharedIndexes).
     */
    LANCEDB_SHARED: env.boolean(false),
    HNSW_M: env.positiveInt(16),
    HNSW_EF_CONSTRUCTION: env.positiveInt(200),
    HNSW_EF_SEARCH: env.positiveInt(64),
    INGEST_CONCURRENCY: env.positiveInt(2),
    /**
     * The index is written whole (a snapshot) after this many ingest jobs, or once its oldest
     * unsnapshotted write is INDEX_SNAPSHOT_INTERVAL_MS old, and at shutdown; between snapshots
     * every write is in the fsync'd index journal, replayed on start.
     */
    INDEX_SNAPSHOT_EVERY_JOBS: env.positiveInt(500),
    INDEX_SNAPSHOT_INTERVAL_MS: env.positiveInt(60_000),
    // Index versions: a candidate's nDCG@10 may fall this far below the active one's and still activate.
    INDEX_CUTOVER_TOLERANCE: number(0.01, 0, 1),
    /** Documents re-embedded per batch (one embed call) during a shadow build. */
    INDEX_BUILD_BATCH_DOCUMENTS: env.positiveInt(32),
    INGEST_MAX_ATTEMPTS: env.positiveInt(5),
    /** How long a worker may hold a job without a sign of life before JetStream hands it to another. */
    INGEST_ACK_WAIT_MS: env.positiveInt(30_000),
    /** How often the ingest sweep looks for jobs whose message or worker was lost. */
    INGEST_SWEEP_MS: env.positiveInt(15_000),
    /** A job not ended and not updated for this long is published again by the sweep. */
    INGEST_STALE_MS: env.positiveInt(120_000),
    /** How long one delivery of a job waits for an unreachable embed before that uses an attempt. */
    INGEST_EMBED_WAIT_MS: env.positiveInt(600_000),
  })
  .refine((config) => config.CHUNK_OVERLAP < config.CHUNK_SIZE, {
    path: ['CHUNK_OVERLAP'],
    message: 'must be smaller than CHUNK_SIZE',
  })
  .refine((config) => config.CHUNK_SENTENCE_OVERLAP < config.CHUNK_SENTENCES, {
    path: ['CHUNK_SENTENCE_OVERLAP'],
    message: 'must be smaller than CHUNK_SENTENCES',
  })
  // Below that, the sweep would re-publish jobs JetStream is about to redeliver itself.
  .refine((config) => config.INGEST_STALE_MS > config.INGEST_ACK_WAIT_MS, {
    path: ['INGEST_STALE_MS'],
    message: 'must be longer than INGEST_ACK_WAIT_MS',
  })
  // Shared indexes take another replica's writes as already in them: true only of a shared store.
  .refine((config) => !config.LANCEDB_SHARED || (config.LANCEDB_URI && config.MONGODB_URI), {
    path: ['LANCEDB_SHARED'],
    message: 'needs LANCEDB_URI (the shared dataset) and MONGODB_URI (the shared store)',
  })
  .refine((config) => !config.LANCEDB_SHARED || config.INDEX_BACKEND === 'lancedb', {
    path: ['LANCEDB_SHARED'],
    message: 'applies to INDEX_BACKEND=lancedb only',
  })
  .refine((config) => config.SEARCH_VECTOR_WEIGHT + config.SEARCH_KEYWORD_WEIGHT > 0, {
    path: ['SEARCH_KEYWORD_WEIGHT'],
    message: 'SEARCH_VECTOR_WEIGHT and SEARCH_KEYWORD_WEIGHT must not both be 0',
  });

export type RetrieveConfig = z.output<typeof retrieveConfigSchema>;

export function loadRetrieveConfig(source: Record<string, string | undefined> = process.env): RetrieveConfig {
  return loadConfig('retrieve', retrieveConfigSchema, source);
}
