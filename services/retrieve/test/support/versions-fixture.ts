import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { FileDocumentStore } from '../../src/adapters/file-document-store.ts';
import { FileIndexCatalog } from '../../src/adapters/file-index-catalog.ts';
import { FileKeywordIndex } from '../../src/adapters/file-keyword-index.ts';
import { HnswVectorIndex } from '../../src/adapters/hnsw-vector-index.ts';
import { chunkId } from '../../src/domain/chunking/chunker.ts';
import { chunkDocument, type ChunkingOptions } from '../../src/domain/chunking/chunking.ts';
import { DEFAULT_BM25 } from '../../src/domain/index/bm25-index.ts';
import { Corpus } from '../../src/domain/index/corpus.ts';
import type { Embedder } from '../../src/domain/index/embedder.ts';
import { noMetrics } from '../../src/domain/index/retrieve-metrics.ts';
import { DEFAULT_SEARCH, SearchService } from '../../src/domain/search/search-service.ts';
import { IndexVersions } from '../../src/domain/versions/index-versions.ts';
import type { LabeledSet } from '../../src/domain/versions/version-gate.ts';
import { corpusFixture, type CorpusFixture } from './corpus-fixture.ts';
import { HashingEmbedder } from './hashing-embedder.ts';
import { QuietLogger } from './quiet-logger.ts';
import { RecordingBus } from './recording-bus.ts';

export const WIDE: ChunkingOptions = {
  strategy: 'characters',
  size: 400,
  overlap: 40,
  sentences: 5,
  sentenceOverlap: 1,
};
export const NARROW: ChunkingOptions = { ...WIDE, size: 60, overlap: 10 };

/** A model whose vectors ignore meaning: every text points somewhere of its own. */
class ScrambledEmbedder implements Embedder {
  readonly model = 'scrambled';
  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => {
      const digest = createHash('sha256').update(text).digest();
      return Array.from({ length: 32 }, (_, i) => (digest[i] ?? 0) - 127.5);
    });
  }
}

const hashing = new HashingEmbedder();
const embedders: Record<string, Embedder> = { '': hashing, scrambled: new ScrambledEmbedder() };

const TOPICS: Record<string, string> = {
  owls: 'Owls hunt mice at night. Barn owls fly silently over the fields.',
  engines: 'Diesel engines compress air. Jet engines burn kerosene at altitude.',
  bread: 'Bakers knead dough and bake bread in hot ovens before dawn.',
  tides: 'The moon pulls the oceans and the tides rise and fall twice a day.',
  bees: 'Bees gather nectar from flowers and make honey in the hive.',
  glaciers: 'Glaciers carve valleys as the ice slowly grinds over rock.',
};

export const LABELED: LabeledSet = {
  tenant: 'acme',
  queries: [
    { query: 'owls hunt mice', relevant: { owls: 1 } },
    { query: 'diesel engines', relevant: { engines: 1 } },
    { query: 'bake bread dough', relevant: { bread: 1 } },
    { query: 'honey bees', relevant: { bees: 1 } },
  ],
};

export interface VersionsFixture {
  corpus: CorpusFixture;
  bus: RecordingBus;
  /** Writes a document as the ingest worker does: chunked with the source chunking, hashed vectors. */
  put(tenant: string, id: string, text: string): Promise<void>;
  /** Opens IndexVersions over the corpus (again: as after a restart), vector search only. */
  open(tolerance?: number): Promise<IndexVersions>;
  /** Lengths of the chunks a query finds through the alias. */
  chunkLengths(versions: IndexVersions, query: string): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * Index versions over a corpus of six topics (acme) and one document of globex, on the embedded
 * file adapters in a temp dir; derived versions get their own store and indexes beside it.
 */
export async function versionsFixture(): Promise<VersionsFixture> {
  const corpus = await corpusFixture();
  const bus = new RecordingBus();
  const opened: IndexVersions[] = [];

  const put = async (tenant: string, id: string, text: string) => {
    const pieces = chunkDocument(text, WIDE);
    const vectors = await hashing.embed(pieces.map((piece) => piece.text));
    await corpus.corpus.replaceDocument(
      tenant,
      {
        id,
        title: id,
        metadata: {},
        length: text.length,
        chunkCount: pieces.length,
        updatedAt: '2026-01-01T00:00:00Z',
      },
      pieces.map((piece, n) => ({
        id: chunkId(id, n),
        documentId: id,
        n,
        ...piece,
        vector: vectors[n] ?? [],
      })),
    );
  };

  const openVersionCorpus = async (id: number): Promise<Corpus> => {
    const dir = join(corpus.dataDir, 'versions', `v${id}`);
    const store = new FileDocumentStore(dir);
    await store.open();
    const index = await HnswVectorIndex.open(join(dir, 'index'), {
      m: 16,
      efConstruction: 100,
      efSearch: 32,
    });
    const keywords = await FileKeywordIndex.open(join(dir, 'keyword-index'), DEFAULT_BM25);
    return new Corpus(store, index, noMetrics, keywords);
  };

  const open = async (tolerance = 0.01) => {
    const versions = await IndexVersions.open({
      source: corpus.corpus,
      sourceEmbedder: hashing,
      sourceChunking: WIDE,
      catalog: new FileIndexCatalog(corpus.dataDir),
      openCorpus: openVersionCorpus,
      embedderFor: (model) => embedders[model] ?? hashing,
      // Vector mode alone, so that the embedding model decides the ranking.
      searcherFor: (versionCorpus, embedder) =>
        new SearchService(versionCorpus, embedder, noMetrics, { ...DEFAULT_SEARCH, mode: 'vector' }),
      bus,
      progressSubject: 'test.progress',
      activatedSubject: 'test.activated',
      tolerance,
      batchDocuments: 2,
      logger: new QuietLogger(),
    });
    opened.push(versions);
    return versions;
  };

  for (const [id, text] of Object.entries(TOPICS)) await put('acme', id, text);
  await put('globex', 'owls', TOPICS.owls ?? '');

  return {
    corpus,
    bus,
    put,
    open,
    chunkLengths: async (versions, query) =>
      (await versions.query('acme', { query, k: 20, filters: {} })).hits.map((hit) => hit.end - hit.start),
    close: async () => {
      for (const versions of opened.splice(0)) await versions.close();
      await corpus.close();
    },
  };
}
