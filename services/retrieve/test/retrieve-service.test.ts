import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RetrieveClient } from '@ragfleet/grpc';
import type { RetrieveV1 } from '@ragfleet/protos';
import { runWithRequestContext } from '@ragfleet/telemetry';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { INDEX_BACKENDS } from '../src/config.ts';
import { ingestTopology } from '../src/ingest-topology.ts';
import { HashingEmbedder } from './support/hashing-embedder.ts';
import { deleteStreams, natsUrl } from './support/nats-streams.ts';
import { makeTempDir } from './support/temp-dir.ts';
import { startRunningRetrieve, type RunningRetrieve } from './support/running-retrieve.ts';

const as = <T>(tenant: string, fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: `${tenant}-req`, tenant }, fn);

const corpus: RetrieveV1.Document[] = [
  {
    id: 'rivers',
    title: 'Rivers',
    text: 'Rivers carry water and silt to the sea. Deltas form where rivers slow.',
    metadata: { kind: 'geo' },
  },
  {
    id: 'mountains',
    title: 'Mountains',
    text: 'Mountains rise where plates collide. Erosion wears peaks down.',
    metadata: { kind: 'geo' },
  },
  {
    id: 'compilers',
    title: 'Compilers',
    text: 'Compilers translate source code into machine code.',
    metadata: { kind: 'cs' },
  },
];

async function ingestAndWait(client: RetrieveClient, tenant: string, documents: RetrieveV1.Document[]) {
  const { job } = await as(tenant, () => client.ingestDocuments({ documents }));
  expect(job?.state).toBe('JOB_STATE_QUEUED');
  return waitFor(async () => {
    const current = (await as(tenant, () => client.getJob(job?.id ?? ''))).job;
    return current?.state === 'JOB_STATE_SUCCEEDED' ? current : undefined;
  }, 20_000);
}

// The same service behaviour on each index backend.
describe.each(INDEX_BACKENDS)('RetrieveService over gRPC, INDEX_BACKEND=%s', (backend) => {
  const topology = ingestTopology(uniqueSuffix());
  let dataDir: { path: string; remove: () => Promise<void> };
  let service: RunningRetrieve;

  /** The retrieve service as main.ts runs it, with an offline embedder and streams of its own. */
  function startRetrieve(): Promise<RunningRetrieve> {
    return startRunningRetrieve(
      {
        DATA_DIR: dataDir.path,
        NATS_URL: natsUrl,
        CHUNK_SIZE: '200',
        CHUNK_OVERLAP: '20',
        INDEX_BACKEND: backend,
      },
      { embedder: new HashingEmbedder(), topology },
    );
  }

  beforeAll(async () => {
    dataDir = await makeTempDir();
    service = await startRetrieve();
    await ingestAndWait(service.client, 'tenant-a', corpus);
  });

  afterAll(async () => {
    await service.stop();
    await deleteStreams(topology.streams.map((stream) => stream.name));
    await dataDir.remove();
  });

  it('ingests, reports the job and the document, and searches with filters', async () => {
    const { document } = await as('tenant-a', () => service.client.getDocument('rivers'));
    expect(document).toMatchObject({
      id: 'rivers',
      title: 'Rivers',
      metadata: { kind: 'geo' },
      chunkCount: 1,
    });
    const withText = await as('tenant-a', () =>
      service.client.getDocument('rivers', {}, { includeText: true }),
    );
    expect(withText.text).toBe(corpus.find((entry) => entry.id === 'rivers')?.text);
    const { hits } = await as('tenant-a', () =>
      service.client.search({ query: 'where do rivers carry silt', k: 2, filters: { kind: 'geo' } }),
    );
    expect(hits).toHaveLength(2);
    expect(hits[0]).toMatchObject({
      documentId: 'rivers',
      chunkId: 'rivers#0',
      title: 'Rivers',
      start: 0,
      end: corpus[0]?.text?.length,
      text: corpus[0]?.text,
    });
    expect(hits.every((hit) => hit.metadata.kind === 'geo')).toBe(true);
  });

  it('searches per mode and reports the settings used and each hit’s component scores', async () => {
    const keyword = await as('tenant-a', () =>
      service.client.search({ query: 'deltas', k: 3, mode: 'keyword' }),
    );
    expect(keyword).toMatchObject({ mode: 'keyword', candidates: 100 });
    expect(keyword.hits.map((hit) => hit.documentId)).toEqual(['rivers']);
    expect(keyword.hits[0]).toMatchObject({ keywordRank: 1, vectorRank: 0 });
    expect(keyword.hits[0]?.keywordScore).toBeGreaterThan(0);

    const vector = await as('tenant-a', () =>
      service.client.search({ query: 'rivers carry water and silt', k: 3, mode: 'vector' }),
    );
    expect(vector.mode).toBe('vector');
    expect(vector.hits[0]).toMatchObject({ documentId: 'rivers', vectorRank: 1, keywordRank: 0 });

    const hybrid = await as('tenant-a', () =>
      service.client.search({
        query: 'rivers carry water and silt',
        k: 3,
        fusion: 'rrf',
        rrfK: 20,
        weights: { vector: 0.4, keyword: 0.6 },
      }),
    );
    expect(hybrid).toMatchObject({ mode: 'hybrid', fusion: 'rrf', rrfK: 20, rerank: 'none' });
    expect(hybrid.weights?.vector).toBeCloseTo(0.4);
    expect(hybrid.weights?.keyword).toBeCloseTo(0.6);
    expect(hybrid.hits[0]).toMatchObject({ documentId: 'rivers', vectorRank: 1, keywordRank: 1 });
    expect(hybrid.hits[0]?.fusedScore).toBeCloseTo(0.4 / 21 + 0.6 / 21, 5);

    const filtered = await as('tenant-a', () =>
      service.client.search({ query: 'rivers code', k: 5, filter: { documentIds: ['compilers'] } }),
    );
    expect(filtered.hits.map((hit) => hit.documentId)).toEqual(['compilers']);
  });

  it('chunks by the strategy an ingest request names', async () => {
    const text = 'First sentence here. Second one. Third one. Fourth one.';
    const { job } = await as('tenant-c', () =>
      service.client.ingestDocuments({ documents: [{ id: 'sents', text }], chunking: 'sentences' }),
    );
    await waitFor(async () => {
      const current = (await as('tenant-c', () => service.client.getJob(job?.id ?? ''))).job;
      return current?.state === 'JOB_STATE_SUCCEEDED' ? current : undefined;
    }, 20_000);
    // CHUNK_SENTENCES 5 by default: one chunk spanning the whole text.
    const { hits } = await as('tenant-c', () =>
      service.client.search({ query: 'third', k: 5, mode: 'keyword' }),
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ start: 0, end: text.length, text });
  });

  it('keeps tenant B away from tenant A’s documents and jobs', async () => {
    await expect(as('tenant-b', () => service.client.getDocument('rivers'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await as('tenant-b', () => service.client.deleteDocument('rivers'))).toEqual({
      deleted: false,
      chunksRemoved: 0,
    });
    expect((await as('tenant-b', () => service.client.search({ query: 'rivers silt', k: 10 }))).hits).toEqual(
      [],
    );
    const { job } = await as('tenant-a', () => service.client.ingestDocuments({ documents: [corpus[2]!] }));
    await expect(as('tenant-b', () => service.client.getJob(job?.id ?? ''))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await as('tenant-a', () => service.client.getDocument('rivers'))).document?.chunkCount).toBe(1);
  });

  it('answers bad input with INVALID_ARGUMENT naming the field', async () => {
    await expect(
      as('tenant-a', () => service.client.ingestDocuments({ documents: [{ id: '', text: 'x' }] })),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'documents[0].id' } });
    await expect(as('tenant-a', () => service.client.search({ query: 'x', k: 1000 }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'k' },
    });
    const bad: Array<[RetrieveV1.SearchRequest, string]> = [
      [{ query: 'x', mode: 'semantic' }, 'mode'],
      [{ query: 'x', fusion: 'sum' }, 'fusion'],
      [{ query: 'x', weights: { vector: 3, keyword: 0 } }, 'weights.vector'],
      [
        { query: 'x', filter: { publishedFrom: '2025-02-01', publishedTo: '2025-01-01' } },
        'filter.published_to',
      ],
      [{ query: 'x', mmrLambda: 7 }, 'mmr_lambda'],
    ];
    for (const [request, field] of bad) {
      await expect(as('tenant-a', () => service.client.search(request))).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        details: { field },
      });
    }
    await expect(
      as('tenant-a', () =>
        service.client.ingestDocuments({ documents: [corpus[0]!], chunking: 'paragraphs' }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'chunking' } });
  });

  it('loads its index on restart over the same DATA_DIR and returns the same results', async () => {
    const query = { query: 'plates collide and peaks erode', k: 3 };
    const before = (await as('tenant-a', () => service.client.search(query))).hits;
    expect(before[0]?.documentId).toBe('mountains');
    await service.stop();

    service = await startRetrieve();
    expect(service.recovery).toBe('loaded');
    const after = (await as('tenant-a', () => service.client.search(query))).hits;
    // LanceDB's BM25 statistics still count replaced rows until the table is optimized (at the
    // snapshot a stop takes), so its keyword scores may move across a restart; the hits may not.
    const stable = (hits: RetrieveV1.SearchHit[]) =>
      backend === 'lancedb' ? hits.map(({ keywordScore: _score, ...hit }) => hit) : hits;
    expect(stable(after)).toEqual(stable(before));
  });

  it('deletes a document so that search no longer returns it', async () => {
    expect(await as('tenant-a', () => service.client.deleteDocument('mountains'))).toEqual({
      deleted: true,
      chunksRemoved: 1,
    });
    const { hits } = await as('tenant-a', () =>
      service.client.search({ query: 'mountains plates collide', k: 10 }),
    );
    expect(hits.some((hit) => hit.documentId === 'mountains')).toBe(false);
    await expect(as('tenant-a', () => service.client.getDocument('mountains'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
