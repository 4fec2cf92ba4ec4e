import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { corpusFixture, type CorpusFixture } from '../../../test/support/corpus-fixture.ts';
import { HashingEmbedder } from '../../../test/support/hashing-embedder.ts';
import { DocumentService } from '../index/document-service.ts';
import type { ChunkRecord, DocumentRecord } from '../index/records.ts';
import { noMetrics } from '../index/retrieve-metrics.ts';
import { SearchService } from './search-service.ts';

const embedder = new HashingEmbedder();
let fixture: CorpusFixture;
let search: SearchService;
let documents: DocumentService;

async function put(tenant: string, id: string, texts: string[], metadata: Record<string, string> = {}) {
  const record: DocumentRecord = {
    id,
    title: `Title ${id}`,
    metadata,
    length: texts.join(' ').length,
    chunkCount: texts.length,
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
  let offset = 0;
  const chunks: ChunkRecord[] = texts.map((text, n) => {
    const start = offset;
    offset += text.length + 1;
    return {
      id: `${id}#${n}`,
      documentId: id,
      n,
      text,
      start,
      end: start + text.length,
      vector: embedder.vector(text),
    };
  });
  await fixture.corpus.replaceDocument(tenant, record, chunks);
}

beforeEach(async () => {
  fixture = await corpusFixture();
  search = new SearchService(fixture.corpus, embedder, noMetrics);
  documents = new DocumentService(fixture.corpus);
  await put('acme', 'birds', ['Sparrows and finches sing at dawn', 'Owls hunt mice at night'], {
    topic: 'nature',
  });
  await put('acme', 'engines', ['Diesel engines compress air', 'Jet engines burn kerosene'], {
    topic: 'tech',
  });
  await put('globex', 'secret', ['Owls hunt mice at night in the globex barn']);
});
afterEach(() => fixture.close());

describe('SearchService', () => {
  it('returns the best chunk with its text, offsets, title, metadata and cosine score', async () => {
    const hits = await search.search('acme', { query: 'owls hunt mice', k: 2, filters: {}, mode: 'vector' });
    expect(hits).toHaveLength(2);
    expect(hits[0]).toMatchObject({
      chunkId: 'birds#1',
      documentId: 'birds',
      title: 'Title birds',
      text: 'Owls hunt mice at night',
      start: 34,
      end: 57,
      metadata: { topic: 'nature' },
    });
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 1);
    expect(hits[0]?.score).toBeLessThanOrEqual(1.0001);
    expect(hits[0]).toMatchObject({ vectorRank: 1, keywordRank: 0, keywordScore: 0 });
    expect(hits[0]?.vectorScore).toBe(hits[0]?.score);
  });

  it('keyword mode ranks by BM25 and reports keyword components only', async () => {
    const result = await search.query('acme', { query: 'kerosene', k: 5, filters: {}, mode: 'keyword' });
    expect(result.mode).toBe('keyword');
    // RM3 feedback may add chunks that share the top hit's other terms, but below it.
    expect(result.hits[0]?.chunkId).toBe('engines#1');
    expect(result.hits[0]).toMatchObject({ keywordRank: 1, vectorRank: 0, vectorScore: 0 });
    expect(result.hits[0]?.score).toBe(result.hits[0]?.keywordScore);
    expect(result.hits[0]?.score).toBeGreaterThan(0);
  });

  it('hybrid mode (the default) fuses both rankings and says how', async () => {
    const result = await search.query('acme', { query: 'owls hunt mice at night', k: 3, filters: {} });
    expect(result).toMatchObject({
      mode: 'hybrid',
      fusion: 'minmax',
      weights: { vector: 0.3, keyword: 0.7 },
    });
    const top = result.hits[0];
    expect(top).toMatchObject({ chunkId: 'birds#1', vectorRank: 1, keywordRank: 1 });
    expect(top?.fusedScore).toBeCloseTo(1, 6);
    expect(top?.score).toBe(top?.fusedScore);
    const rrf = await search.query('acme', {
      query: 'owls hunt mice at night',
      k: 3,
      filters: {},
      fusion: 'rrf',
      rrfK: 10,
      weights: { vector: 0.5, keyword: 0.5 },
    });
    expect(rrf.hits[0]?.fusedScore).toBeCloseTo(0.5 / 11 + 0.5 / 11, 6);
    expect(rrf.rrfK).toBe(10);
  });

  it('reranks with MMR when asked, keeping k hits', async () => {
    await put('acme', 'owls2', ['Owls hunt mice at night'], { topic: 'nature' });
    const plain = await search.search('acme', {
      query: 'owls hunt mice at night',
      k: 2,
      filters: {},
      mode: 'vector',
    });
    expect(plain.map((hit) => hit.documentId).sort()).toEqual(['birds', 'owls2']);
    const diverse = await search.query('acme', {
      query: 'owls hunt mice at night',
      k: 2,
      filters: {},
      mode: 'vector',
      rerank: 'mmr',
      mmrLambda: 0.3,
    });
    expect(diverse).toMatchObject({ rerank: 'mmr', mmrLambda: 0.3 });
    expect(diverse.hits).toHaveLength(2);
    expect(diverse.hits.map((hit) => hit.documentId)).not.toEqual(plain.map((hit) => hit.documentId));
  });

  it.each(['vector', 'keyword', 'hybrid'])(
    '%s mode: a selective filter still returns k hits',
    async (mode) => {
      for (let i = 0; i < 40; i++) {
        const rare = i % 8 === 0;
        await put('acme', `doc${i}`, [`Turbine blades number ${i} spin`], {
          tags: rare ? 'rare,blue' : 'common',
          lang: rare ? 'de' : 'en',
          published_at: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
        });
      }
      const request = { query: 'turbine blades spin', k: 5, filters: {}, mode, candidates: 5 };
      const tagged = await search.search('acme', { ...request, filter: { tags: ['rare'] } });
      expect(tagged).toHaveLength(5);
      expect(tagged.every((hit) => (hit.metadata.tags ?? '').includes('rare'))).toBe(true);
      const german = await search.search('acme', { ...request, filter: { lang: 'de' } });
      expect(german.map((hit) => hit.documentId).sort()).toEqual(tagged.map((hit) => hit.documentId).sort());
      const early = await search.search('acme', {
        ...request,
        k: 20,
        filter: { publishedFrom: '2024-01-01', publishedTo: '2024-01-03T00:00:00Z' },
      });
      // Days 1-3 of the 28-day cycle: i in {0,1,2,28,29,30}.
      expect(early.map((hit) => hit.documentId).sort()).toEqual([
        'doc0',
        'doc1',
        'doc2',
        'doc28',
        'doc29',
        'doc30',
      ]);
      const listed = await search.search('acme', {
        ...request,
        filter: { documentIds: ['doc3', 'doc7', 'missing'] },
      });
      expect(listed.map((hit) => hit.documentId).sort()).toEqual(['doc3', 'doc7']);
    },
  );

  it('defaults k to 5 and applies metadata and document filters', async () => {
    expect(await search.search('acme', { query: 'engines', k: 0, filters: {} })).toHaveLength(4);
    const tech = await search.search('acme', { query: 'owls', k: 5, filters: { topic: 'tech' } });
    expect(tech.map((hit) => hit.documentId)).toEqual(['engines', 'engines']);
    const byId = await search.search('acme', { query: 'owls', k: 5, filters: { document_id: 'engines' } });
    expect(byId.map((hit) => hit.documentId)).toEqual(['engines', 'engines']);
  });

  it('searches only the caller’s tenant', async () => {
    const hits = await search.search('globex', { query: 'owls hunt mice', k: 10, filters: {} });
    expect(hits.map((hit) => hit.chunkId)).toEqual(['secret#0']);
    expect(await search.search('initech', { query: 'owls', k: 10, filters: {} })).toEqual([]);
  });

  it.each([
    [{ query: '  ', k: 5 }, 'query'],
    [{ query: 'x', k: 101 }, 'k'],
    [{ query: 'x', k: 5, mode: 'fuzzy' }, 'mode'],
    [{ query: 'x', k: 5, weights: { vector: 2, keyword: 0 } }, 'weights.vector'],
    [{ query: 'x', k: 5, filter: { publishedFrom: 'last week' } }, 'filter.published_from'],
  ])('rejects %j naming %s', async (request, field) => {
    await expect(search.search('acme', { filters: {}, ...request })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field },
    });
  });

  it('no longer finds a deleted document', async () => {
    expect(await documents.delete('acme', 'birds')).toEqual({ deleted: true, chunksRemoved: 2 });
    const hits = await search.search('acme', { query: 'owls hunt mice', k: 10, filters: {} });
    expect(hits.map((hit) => hit.documentId)).toEqual(['engines', 'engines']);
    await expect(documents.get('acme', 'birds')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('DocumentService', () => {
  it('neither reads nor deletes another tenant’s document', async () => {
    await expect(documents.get('globex', 'birds')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await documents.delete('globex', 'birds')).toEqual({ deleted: false, chunksRemoved: 0 });
    expect(await documents.get('acme', 'birds')).toMatchObject({ chunkCount: 2, title: 'Title birds' });
  });
});
