// The answer evaluation's retrieval, in ONE process: the Markdown corpora of data/answer-eval
// chunked, embedded and indexed with the retrieve and embed services' own domain classes and the
// fleet's default settings, under a temporary directory. No fleet is started: the evaluation
// measures the answerer, and spawning five services would only add minutes.
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LocalEmbeddingProvider } from '../../services/embed/src/adapters/local/local-embedding-provider.ts';
import { LocalModelPool } from '../../services/embed/src/adapters/local/local-model-pool.ts';
import { LruEmbeddingCache } from '../../services/embed/src/adapters/lru-embedding-cache.ts';
import { EmbeddingService } from '../../services/embed/src/domain/embedding-service.ts';
import { ModelCatalog } from '../../services/embed/src/domain/model-catalog.ts';
import { FileDocumentStore } from '../../services/retrieve/src/adapters/file-document-store.ts';
import { HnswVectorIndex } from '../../services/retrieve/src/adapters/hnsw-vector-index.ts';
import { chunkRecords } from '../../services/retrieve/src/domain/chunking/chunk-records.ts';
import { chunkDocument, type ChunkingOptions } from '../../services/retrieve/src/domain/chunking/chunking.ts';
import { Corpus } from '../../services/retrieve/src/domain/index/corpus.ts';
import { noMetrics } from '../../services/retrieve/src/domain/index/retrieve-metrics.ts';
import { SearchService } from '../../services/retrieve/src/domain/search/search-service.ts';
import type { Passage } from '../../services/generate/src/domain/ports.ts';

/** retrieve's defaults (CHUNK_STRATEGY, CHUNK_SIZE, CHUNK_OVERLAP, ...), as `pnpm start` ingests. */
const FLEET_CHUNKING: ChunkingOptions = {
  strategy: 'characters',
  size: 1000,
  overlap: 150,
  sentences: 5,
  sentenceOverlap: 1,
};

export interface AnswerIndex {
  /** The fleet's default (hybrid) search within one corpus, as generate receives it. */
  search(corpus: string, query: string, k: number): Promise<Passage[]>;
  documents: number;
  chunks: number;
  close(): Promise<void>;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && !file.endsWith('SOURCE.md'))
    .sort();
}

/** As `ragfleet ingest` titles a Markdown file: its first heading. */
function titleOf(text: string, fallback: string): string {
  const heading = /^ {0,3}#{1,6}\s+(.+?)\s*$/m.exec(text);
  return heading?.[1] ?? fallback;
}

/** Indexes every `<root>/<corpus>/**.md` as tenant `<corpus>`, ids relative to the corpus folder. */
export async function buildAnswerIndex(
  root: string,
  corpora: string[],
  dataDir: string,
): Promise<AnswerIndex> {
  const pool = new LocalModelPool({ size: Math.max(1, Math.min(2, availableParallelism())) });
  await pool.start();
  const local = new LocalEmbeddingProvider(pool);
  const embedding = new EmbeddingService({
    catalog: new ModelCatalog([local], local.model),
    cache: new LruEmbeddingCache({ maxEntries: 10_000 }),
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

  let documents = 0;
  let chunks = 0;
  for (const name of corpora) {
    const dir = join(root, name);
    for (const file of markdownFiles(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      const id = relative(dir, join(dir, file));
      const pieces = chunkDocument(text, FLEET_CHUNKING);
      const [records = []] = chunkRecords([{ id, pieces }], await embed(pieces.map((piece) => piece.text)));
      await corpus.replaceDocument(
        name,
        {
          id,
          title: titleOf(text, id),
          metadata: {},
          length: text.length,
          chunkCount: records.length,
          updatedAt: new Date(0).toISOString(),
        },
        records,
      );
      documents++;
      chunks += records.length;
    }
  }

  const search = new SearchService(corpus, { model: local.model, embed }, noMetrics);
  return {
    documents,
    chunks,
    search: async (tenant, query, k) =>
      (await search.search(tenant, { query, k, filters: {} })).map((hit) => ({
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
