import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { corpusFixture, type CorpusFixture } from '../../test/support/corpus-fixture.ts';
import { HashingEmbedder } from '../../test/support/hashing-embedder.ts';
import { DocumentService } from './document-service.ts';
import type { ChunkRecord, DocumentRecord } from './model.ts';
import { noMetrics } from './retrieve-metrics.ts';
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
    const hits = await search.search('acme', { query: 'owls hunt mice', k: 2, filters: {} });
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
  });

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
