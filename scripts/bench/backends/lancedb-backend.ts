// The LanceDB backend through retrieve's adapters (LanceDbVectorIndex, LanceDbKeywordIndex) on a
// local dataset directory. The adapters write one document per commit (a merge), as ingest does;
// loading a million chunks that way would take hours, so the bulk of the corpus is appended to the
// adapters' own tables in batches, with the rows built by the adapters' helpers (the same schema
// and filter columns), and everything else goes through the adapters: the first write of each
// table (which creates it and its full-text indexes), persist (IVF-PQ, scalar indexes,
// compaction), every search, and the per-document write cost that index-backends.ts reports.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filterColumns } from '../../../services/retrieve/src/adapters/lancedb-filter.ts';
import { LanceDbKeywordIndex } from '../../../services/retrieve/src/adapters/lancedb-keyword-index.ts';
import { connectLanceDb } from '../../../services/retrieve/src/adapters/lancedb-tables.ts';
import { LanceDbVectorIndex } from '../../../services/retrieve/src/adapters/lancedb-vector-index.ts';
import { DEFAULT_BM25 } from '../../../services/retrieve/src/domain/index/bm25-index.ts';
import { TENANT, type BackendHit, type IndexBackend } from './backend.ts';
import { directoryBytes } from './disk-usage.ts';
import type { BenchChunk } from './workload.ts';

const VECTOR_TABLE = 'bench_vectors';
const KEYWORD_TABLE = 'bench_keywords';
const METADATA = {};

export async function openLanceDbBackend(): Promise<IndexBackend> {
  const dir = await mkdtemp(join(tmpdir(), 'ragfleet-bench-lancedb-'));
  // No old versions kept: the on-disk figure is the live dataset, not compaction's leftovers.
  const tableOptions = { keepVersionsMs: 0, readConsistencySeconds: 0 };
  const vectors = await LanceDbVectorIndex.open(dir, VECTOR_TABLE, tableOptions);
  const keywords = await LanceDbKeywordIndex.open(dir, KEYWORD_TABLE, DEFAULT_BM25, tableOptions);
  const db = await connectLanceDb(dir, tableOptions);
  let created = false;
  return {
    name: 'lancedb',
    settings: {
      vectorIndex: 'adapter defaults (IVF-PQ from 10k rows, nprobes 20, refineFactor 4)',
      ...tableOptions,
      dir,
    },
    async insert(chunks: BenchChunk[]) {
      let rest = chunks;
      if (!created) {
        const first = chunks[0]!;
        await vectors.upsertDocument(TENANT, first.documentId, [{ ...first, metadata: METADATA }]);
        await keywords.upsertDocument(TENANT, first.documentId, [{ ...first, metadata: METADATA }]);
        created = true;
        rest = chunks.slice(1);
      }
      if (rest.length === 0) return;
      const columns = (chunk: BenchChunk) => ({
        ...filterColumns(TENANT, chunk.documentId, METADATA),
        chunk_id: chunk.chunkId,
      });
      await (
        await db.openTable(VECTOR_TABLE)
      ).add(rest.map((chunk) => ({ ...columns(chunk), vector: chunk.vector })));
      await (
        await db.openTable(KEYWORD_TABLE)
      ).add(rest.map((chunk) => ({ ...columns(chunk), title: chunk.title, text: chunk.text })));
    },
    async seal() {
      await vectors.persist('bench');
      await keywords.persist('bench');
    },
    vector: (vector: number[], k: number): Promise<BackendHit[]> => vectors.search(TENANT, vector, k),
    keyword: (text: string, k: number): Promise<BackendHit[]> =>
      keywords.search(TENANT, text, k, undefined, DEFAULT_BM25.params),
    async replace(chunk: BenchChunk) {
      await vectors.upsertDocument(TENANT, chunk.documentId, [{ ...chunk, metadata: METADATA }]);
      await keywords.upsertDocument(TENANT, chunk.documentId, [{ ...chunk, metadata: METADATA }]);
    },
    diskBytes: () => directoryBytes(dir),
    async close() {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
