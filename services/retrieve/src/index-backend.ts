import { join } from 'node:path';
import { FileKeywordIndex } from './adapters/file-keyword-index.ts';
import { HnswVectorIndex } from './adapters/hnsw-vector-index.ts';
import type { RetrieveConfig } from './config.ts';
import type { Bm25Options } from './domain/index/bm25-index.ts';
import type { Bm25Params, PersistentKeywordIndex } from './domain/index/keyword-index.ts';
import type { PersistentVectorIndex } from './domain/index/vector-index.ts';

export interface CorpusIndexes {
  index: PersistentVectorIndex;
  keywords: PersistentKeywordIndex;
  /** Every replica writes these same indexes (see CorpusOptions.sharedIndexes). */
  shared: boolean;
}

/**
 * One corpus's vector and keyword index on the configured backend (INDEX_BACKEND). `dir` is the
 * corpus's directory (DATA_DIR/retrieve, or an index version's below it); `name` tells the
 * corpus's tables apart in one LanceDB dataset: `corpus` for the corpus of record, `v<id>` for
 * an index version.
 *
 * With LANCEDB_SHARED only the corpus of record is shared: an index version is built by each
 * replica into its own store (derived data), so each replica keeps its version tables apart
 * (named after REPLICA_ID) rather than all writing the same ones.
 */
export async function openCorpusIndexes(
  dir: string,
  name: 'corpus' | `v${number}`,
  config: RetrieveConfig,
): Promise<CorpusIndexes> {
  const bm25: Bm25Options = {
    analyzer: {
      lowercase: config.ANALYZER_LOWERCASE,
      stopWords: config.ANALYZER_STOP_WORDS,
      stemming: config.ANALYZER_STEMMING,
      minTokenLength: config.ANALYZER_MIN_TOKEN_LENGTH,
    },
    titleWeight: config.BM25_TITLE_WEIGHT,
    params: bm25Params(config),
  };
  if (config.INDEX_BACKEND === 'lancedb') {
    // Loaded only here: LanceDB's native library costs a process ~37 MB and 70 ms to load.
    const { LanceDbVectorIndex } = await import('./adapters/lancedb-vector-index.ts');
    const { LanceDbKeywordIndex } = await import('./adapters/lancedb-keyword-index.ts');
    const uri = config.LANCEDB_URI ?? join(dir, 'lancedb');
    const shared = config.LANCEDB_SHARED && name === 'corpus';
    const tables = config.LANCEDB_SHARED && !shared ? `${tableSafe(config.REPLICA_ID)}_${name}` : name;
    return {
      index: await LanceDbVectorIndex.open(uri, `${tables}_vectors`),
      keywords: await LanceDbKeywordIndex.open(uri, `${tables}_keywords`, bm25),
      shared,
    };
  }
  return {
    index: await HnswVectorIndex.open(join(dir, 'index'), {
      m: config.HNSW_M,
      efConstruction: config.HNSW_EF_CONSTRUCTION,
      efSearch: config.HNSW_EF_SEARCH,
    }),
    keywords: await FileKeywordIndex.open(join(dir, 'keyword-index'), bm25),
    shared: false,
  };
}

export function bm25Params(config: RetrieveConfig): Bm25Params {
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

/** LanceDB table names take letters, digits, `_`, `-` and `.`; a replica id (a host name) may hold more. */
function tableSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}
