// The backend retrieve runs today: HnswVectorIndex (hnswlib-node) and FileKeywordIndex (BM25 in
// memory, one JSON file), opened with retrieve's configured HNSW settings and default analyzer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileKeywordIndex } from '../../../services/retrieve/src/adapters/file-keyword-index.ts';
import { HnswVectorIndex } from '../../../services/retrieve/src/adapters/hnsw-vector-index.ts';
import { loadRetrieveConfig } from '../../../services/retrieve/src/config.ts';
import { DEFAULT_BM25 } from '../../../services/retrieve/src/domain/index/bm25-index.ts';
import { TENANT, type BackendHit, type IndexBackend } from './backend.ts';
import { directoryBytes } from './disk-usage.ts';
import type { BenchChunk } from './workload.ts';

export async function openHnswBackend(capacity: number): Promise<IndexBackend> {
  const config = loadRetrieveConfig(process.env);
  const dir = await mkdtemp(join(tmpdir(), 'ragfleet-bench-hnsw-'));
  const hnsw = {
    m: config.HNSW_M,
    efConstruction: config.HNSW_EF_CONSTRUCTION,
    efSearch: config.HNSW_EF_SEARCH,
    // Sized once: the service doubles capacity as it fills, a copy per doubling this build skips.
    initialCapacity: capacity,
  };
  const vectors = await HnswVectorIndex.open(join(dir, 'index'), hnsw);
  const keywords = await FileKeywordIndex.open(join(dir, 'keyword-index'), DEFAULT_BM25);
  const replace = async (chunk: BenchChunk): Promise<void> => {
    await vectors.upsertDocument(TENANT, chunk.documentId, [{ ...chunk, metadata: {} }]);
    await keywords.upsertDocument(TENANT, chunk.documentId, [{ ...chunk, metadata: {} }]);
  };
  return {
    name: 'hnsw',
    settings: { ...hnsw, bm25: DEFAULT_BM25, dir },
    async insert(chunks: BenchChunk[]) {
      // One document per call, as ingest writes them: the graph has no bulk insert.
      for (const chunk of chunks) await replace(chunk);
    },
    async seal() {
      // What retrieve's snapshot writes: the graph + meta.json, and bm25.json.
      await vectors.persist('bench');
      await keywords.persist('bench');
    },
    async vector(vector: number[], k: number): Promise<BackendHit[]> {
      return vectors.search(TENANT, vector, k);
    },
    async keyword(text: string, k: number): Promise<BackendHit[]> {
      // retrieve's default query parameters, RM3 feedback included, as SearchService passes them.
      return keywords.search(TENANT, text, k, undefined, DEFAULT_BM25.params);
    },
    replace,
    diskBytes: () => directoryBytes(dir),
    async close() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
