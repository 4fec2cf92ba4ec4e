import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { FileDocumentStore } from '../adapters/file-document-store.ts';
import { FileIndexCatalog } from '../adapters/file-index-catalog.ts';
import { FileKeywordIndex } from '../adapters/file-keyword-index.ts';
import { HnswVectorIndex } from '../adapters/hnsw-vector-index.ts';
import { corpusFixture, type CorpusFixture } from '../../test/support/corpus-fixture.ts';
import { HashingEmbedder } from '../../test/support/hashing-embedder.ts';
import { QuietLogger } from '../../test/support/quiet-logger.ts';
import { RecordingBus } from '../../test/support/recording-bus.ts';
import { DEFAULT_BM25 } from './bm25-index.ts';
import { chunkId } from './chunker.ts';
import { chunkDocument, type ChunkingOptions } from './chunking.ts';
import { Corpus } from './corpus.ts';
import type { Embedder } from './embedder.ts';
import {
  INDEX_VERSION_ACTIVATED,
  INDEX_VERSION_PROGRESS,
  IndexVersions,
  type VersionCommand,
} from './index-versions.ts';
import { noMetrics } from './retrieve-metrics.ts';
import { DEFAULT_SEARCH, SearchService } from './search-service.ts';
import type { LabeledSet } from './version-gate.ts';

const WIDE: ChunkingOptions = {
  strategy: 'characters',
  size: 400,
  overlap: 40,
  sentences: 5,
  sentenceOverlap: 1,
};
const NARROW: ChunkingOptions = { ...WIDE, size: 60, overlap: 10 };

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

const LABELED: LabeledSet = {
  tenant: 'acme',
  queries: [
    { query: 'owls hunt mice', relevant: { owls: 1 } },
    { query: 'diesel engines', relevant: { engines: 1 } },
    { query: 'bake bread dough', relevant: { bread: 1 } },
    { query: 'honey bees', relevant: { bees: 1 } },
  ],
};

let fixture: CorpusFixture;
let bus: RecordingBus;
const opened: IndexVersions[] = [];

/** Writes a document as the ingest worker does: chunked with the source chunking, hashed vectors. */
async function put(tenant: string, id: string, text: string): Promise<void> {
  const pieces = chunkDocument(text, WIDE);
  const vectors = await hashing.embed(pieces.map((piece) => piece.text));
  await fixture.corpus.replaceDocument(
    tenant,
    {
      id,
      title: id,
      metadata: {},
      length: text.length,
      chunkCount: pieces.length,
      updatedAt: '2026-01-01T00:00:00Z',
    },
    pieces.map((piece, n) => ({ id: chunkId(id, n), documentId: id, n, ...piece, vector: vectors[n] ?? [] })),
  );
}

async function openVersionCorpus(id: number): Promise<Corpus> {
  const dir = join(fixture.dataDir, 'versions', `v${id}`);
  const store = new FileDocumentStore(dir);
  await store.open();
  const index = await HnswVectorIndex.open(join(dir, 'index'), { m: 16, efConstruction: 100, efSearch: 32 });
  const keywords = await FileKeywordIndex.open(join(dir, 'keyword-index'), DEFAULT_BM25);
  return new Corpus(store, index, noMetrics, keywords);
}

async function open(tolerance = 0.01): Promise<IndexVersions> {
  const versions = await IndexVersions.open({
    source: fixture.corpus,
    sourceEmbedder: hashing,
    sourceChunking: WIDE,
    catalog: new FileIndexCatalog(fixture.dataDir),
    openCorpus: openVersionCorpus,
    embedderFor: (model) => embedders[model] ?? hashing,
    // Vector mode alone, so that the embedding model decides the ranking.
    searcherFor: (corpus, embedder) =>
      new SearchService(corpus, embedder, noMetrics, { ...DEFAULT_SEARCH, mode: 'vector' }),
    bus,
    progressSubject: 'test.progress',
    activatedSubject: 'test.activated',
    tolerance,
    batchDocuments: 2,
    logger: new QuietLogger(),
  });
  opened.push(versions);
  return versions;
}

beforeEach(async () => {
  fixture = await corpusFixture();
  bus = new RecordingBus();
  for (const [id, text] of Object.entries(TOPICS)) await put('acme', id, text);
  await put('globex', 'owls', TOPICS.owls ?? '');
});

afterEach(async () => {
  for (const versions of opened.splice(0)) await versions.close();
  await fixture.close();
});

const chunkLengths = async (versions: IndexVersions, query: string) =>
  (await versions.query('acme', { query, k: 20, filters: {} })).hits.map((hit) => hit.end - hit.start);

describe('IndexVersions', () => {
  it('makes the existing index version 1, active, and keeps the catalog across restarts', async () => {
    const versions = await open();
    expect(versions.catalog()).toMatchObject({ active: 1, previous: 0 });
    expect(versions.get(1)).toMatchObject({
      state: 'active',
      chunking: WIDE,
      chunks: fixture.corpus.index.size,
    });
    await versions.close();
    expect((await open()).catalog().versions).toHaveLength(1);
  });

  it('builds a version with another chunking in the shadow while search still reads the active one', async () => {
    const versions = await open();
    const building = await versions.build({ model: '', chunking: NARROW });
    expect(building).toMatchObject({ id: 2, state: 'building' });
    expect(Math.max(...(await chunkLengths(versions, 'owls')))).toBeGreaterThan(NARROW.size);

    const built = await versions.whenBuilt(2);
    expect(built).toMatchObject({ state: 'ready', documentsDone: 7, documentsTotal: 7 });
    expect(built.chunks).toBeGreaterThan(fixture.corpus.index.size);
    const progress = bus.published.filter(({ event }) => event.type === INDEX_VERSION_PROGRESS);
    expect(progress.map(({ event }) => (event.data as { documentsDone: number }).documentsDone)).toEqual([
      2, 4, 6, 7, 7,
    ]);
    expect(versions.catalog().active).toBe(1);
  });

  it('brings writes made during and after the build into the new version', async () => {
    const versions = await open();
    await versions.build({ model: '', chunking: NARROW });
    // Racing the scan: one document replaced, one deleted, one added.
    await Promise.all([
      put('acme', 'owls', 'Falcons dive at great speed to strike pigeons.'),
      fixture.corpus.deleteDocument('acme', 'engines'),
      put('acme', 'volcano', 'Lava flows from the volcano into the sea.'),
    ]);
    await versions.whenBuilt(2);
    await put('acme', 'late', 'Late arrivals reach the ready version too.');
    await versions.activate(2, { force: true });

    const found = async (query: string) =>
      (await versions.query('acme', { query, k: 3, filters: {}, mode: 'keyword' })).hits.map(
        (h) => h.documentId,
      );
    expect((await found('falcons pigeons'))[0]).toBe('owls');
    expect(await found('hunt mice barn')).not.toContain('owls');
    expect(await found('diesel engines')).not.toContain('engines');
    expect((await found('lava volcano'))[0]).toBe('volcano');
    expect((await found('late arrivals'))[0]).toBe('late');
    expect(Math.max(...(await chunkLengths(versions, 'falcons')))).toBeLessThanOrEqual(NARROW.size);
  });

  it('activates a candidate that passes the gate, atomically, and rolls back at once', async () => {
    const versions = await open();
    await versions.build({ model: '', chunking: NARROW });
    await versions.whenBuilt(2);
    await expect(versions.activate(2, { force: false })).rejects.toThrow(/labeled set/);

    const result = await versions.activate(2, { force: false, labeled: LABELED });
    expect(result).toMatchObject({ activated: true, forced: false });
    expect(result.candidateNdcg10).toBeGreaterThanOrEqual(result.activeNdcg10 - 0.01);
    expect(versions.catalog()).toMatchObject({ active: 2, previous: 1 });
    expect(bus.published.some(({ event }) => event.type === INDEX_VERSION_ACTIVATED)).toBe(true);
    await versions.close();

    const reopened = await open();
    expect(reopened.catalog()).toMatchObject({ active: 2, previous: 1 });
    expect(Math.max(...(await chunkLengths(reopened, 'owls')))).toBeLessThanOrEqual(NARROW.size);
    expect(await reopened.rollback()).toMatchObject({ id: 1, state: 'active' });
    expect(reopened.catalog()).toMatchObject({ active: 1, previous: 2 });
    expect(reopened.get(2).state).toBe('ready');
  });

  it('refuses a worse candidate unless forced', async () => {
    const versions = await open();
    await versions.build({ model: 'scrambled', chunking: WIDE });
    expect(await versions.whenBuilt(2)).toMatchObject({ state: 'ready', model: 'scrambled' });

    const refused = await versions.activate(2, { force: false, labeled: LABELED });
    expect(refused.activated).toBe(false);
    expect(refused.candidateNdcg10).toBeLessThan(refused.activeNdcg10 - 0.01);
    expect(versions.catalog().active).toBe(1);

    const forced = await versions.activate(2, { force: true, labeled: LABELED });
    expect(forced).toMatchObject({ activated: true, forced: true });
    expect(versions.catalog().active).toBe(2);
  });

  it('retires the version before the previous one and rejects what cannot be done', async () => {
    const versions = await open();
    await expect(versions.rollback()).rejects.toThrow(/no previous/);
    await versions.build({ model: '', chunking: NARROW });
    await expect(versions.build({ model: '', chunking: WIDE })).rejects.toThrow(/still building/);
    await versions.whenBuilt(2);
    await versions.activate(2, { force: true });
    await versions.build({ model: '', chunking: { ...NARROW, strategy: 'sentences' } });
    await versions.whenBuilt(3);
    await versions.activate(3, { force: true });
    expect(versions.list().map((v) => [v.id, v.state])).toEqual([
      [1, 'retired'],
      [2, 'ready'],
      [3, 'active'],
    ]);
    await expect(versions.activate(1, { force: true })).rejects.toThrow(/retired/);
    await expect(versions.activate(3, { force: true })).rejects.toThrow(/already active/);
    expect(() => versions.get(9)).toThrow(/not found/);
  });

  it('announces builds and alias moves, and repeats those of another replica in order', async () => {
    const versions = await open();
    const announced: VersionCommand[] = [];
    versions.onCommand(async (command) => {
      announced.push(command);
    });
    // Another replica's commands, as its replication would deliver them: the alias move arrives
    // while the version is still building here, and waits for the build.
    await versions.apply({ kind: 'build', id: 2, model: '', chunking: NARROW });
    await versions.apply({ kind: 'alias', active: 2, previous: 1 });
    expect(versions.catalog().active).toBe(1);
    await versions.whenBuilt(2);
    expect(versions.catalog()).toMatchObject({ active: 2, previous: 1 });
    await versions.apply({ kind: 'alias', active: 2, previous: 1 });
    await versions.apply({ kind: 'build', id: 2, model: '', chunking: WIDE });
    expect(versions.get(2).chunking).toEqual(NARROW);
    expect(announced).toEqual([]);

    await versions.rollback();
    await versions.build({ model: '', chunking: WIDE });
    expect(announced).toEqual([
      { kind: 'alias', active: 1, previous: 2 },
      { kind: 'build', id: 3, model: 'test-hashing', chunking: WIDE },
    ]);
    await versions.apply({ kind: 'alias', active: 9, previous: 1 });
    expect(versions.catalog().active).toBe(1);
  });
});
