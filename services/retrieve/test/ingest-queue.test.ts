import { afterAll, describe, expect, it } from '@jest/globals';
import { NatsEventBus, type EventBus, type EventEnvelope, type Subscription } from '@ragfleet/events';
import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { chunkText } from '../src/domain/chunking/chunker.ts';
import { DocumentService } from '../src/domain/index/document-service.ts';
import type { DocumentStore } from '../src/domain/index/document-store.ts';
import { IngestService } from '../src/domain/ingest/ingest-service.ts';
import { IngestWorker, type DocumentsIndexed } from '../src/domain/ingest/ingest-worker.ts';
import type { DocumentInput } from '../src/domain/index/records.ts';
import type { IngestJob } from '../src/domain/ingest/ingest-job.ts';
import { noMetrics } from '../src/domain/index/retrieve-metrics.ts';
import { SearchService } from '../src/domain/search/search-service.ts';
import { ingestTopology } from '../src/ingest-topology.ts';
import { corpusFixture, type CorpusFixture } from './support/corpus-fixture.ts';
import { FailAfterStoring } from './support/failing-store.ts';
import { HashingEmbedder } from './support/hashing-embedder.ts';
import { deleteStreams, natsUrl } from './support/nats-streams.ts';
import { QuietLogger } from './support/quiet-logger.ts';

const chunking = { size: 200, overlap: 30 };
const streams: string[] = [];

afterAll(() => deleteStreams(streams));

interface Pipeline {
  fixture: CorpusFixture;
  ingest: IngestService;
  search: SearchService;
  documents: DocumentService;
  indexed: Array<EventEnvelope<DocumentsIndexed>>;
  waitForJob(tenant: string, job: IngestJob): Promise<IngestJob>;
  stop(): Promise<void>;
}

/** Ingest service and worker wired through real JetStream, on streams of their own. */
async function startPipeline(wrapStore?: (store: DocumentStore) => DocumentStore): Promise<Pipeline> {
  const topology = ingestTopology(uniqueSuffix());
  streams.push(...topology.streams.map((stream) => stream.name));
  const logger = new QuietLogger();
  const bus: EventBus = await NatsEventBus.connect({
    url: natsUrl,
    streams: topology.streams,
    logger,
    redelivery: { baseDelayMs: 50, maxDelayMs: 200 },
  }).then(async (nats) => {
    await nats.ensureStreams();
    return nats;
  });
  const fixture = await corpusFixture(wrapStore);
  const embedder = new HashingEmbedder();
  const worker = new IngestWorker({
    corpus: fixture.corpus,
    embedder,
    bus,
    jobsSubject: topology.jobsSubject,
    indexedSubject: topology.indexedSubject,
    durable: topology.workerDurable,
    chunking,
    metrics: noMetrics,
    logger,
    maxAttempts: 4,
  });
  const subscriptions: Subscription[] = [await worker.start(1)];
  const indexed: Array<EventEnvelope<DocumentsIndexed>> = [];
  subscriptions.push(
    await bus.subscribe<DocumentsIndexed>(topology.indexedSubject, { durable: 'observer' }, async (event) => {
      indexed.push(event);
    }),
  );
  const ingest = new IngestService({ store: fixture.store, bus, jobsSubject: topology.jobsSubject, logger });
  return {
    fixture,
    ingest,
    search: new SearchService(fixture.corpus, embedder, noMetrics),
    documents: new DocumentService(fixture.corpus),
    indexed,
    waitForJob: async (tenant, job) => {
      const ended = await waitFor(async () => {
        const current = await ingest.getJob(tenant, job.id);
        return current.state === 'succeeded' || current.state === 'failed' ? current : undefined;
      }, 20_000);
      if (!ended) throw new Error(`job ${job.id} did not end`);
      return ended;
    },
    stop: async () => {
      for (const subscription of subscriptions) await subscription.stop();
      await bus.close();
      await fixture.close();
    },
  };
}

const paragraph = (topic: string, sentences: number) =>
  Array.from(
    { length: sentences },
    (_, i) => `The ${topic} report, part ${i}, covers ${topic} in depth.`,
  ).join(' ');

const doc = (id: string, text: string, metadata: Record<string, string> = {}): DocumentInput => ({
  id,
  text,
  title: `About ${id}`,
  metadata,
});

describe('ingest through the JetStream work queue', () => {
  it('runs a job end to end: queued, indexed, searchable, announced', async () => {
    const pipeline = await startPipeline();
    try {
      const accepted = await pipeline.ingest.accept('acme', [
        doc('glaciers', paragraph('glacier', 20), { kind: 'science' }),
        doc('volcanoes', paragraph('volcano', 3), { kind: 'science' }),
      ]);
      const job = await pipeline.waitForJob('acme', accepted);
      const expectedChunks =
        chunkText(paragraph('glacier', 20), chunking).length +
        chunkText(paragraph('volcano', 3), chunking).length;
      expect(job).toMatchObject({
        state: 'succeeded',
        documentsDone: 2,
        chunksIndexed: expectedChunks,
        attempts: 1,
      });

      const hits = await pipeline.search.search('acme', {
        query: 'volcano report',
        k: 3,
        filters: { kind: 'science' },
      });
      expect(hits[0]).toMatchObject({ documentId: 'volcanoes', title: 'About volcanoes' });
      await waitFor(() => pipeline.indexed.length === 1);
      expect(pipeline.indexed[0]).toMatchObject({
        type: 'retrieve.documents.indexed',
        tenant: 'acme',
        data: { jobId: job.id, documentIds: ['glaciers', 'volcanoes'], chunksIndexed: expectedChunks },
      });
    } finally {
      await pipeline.stop();
    }
  });

  it('redelivers a job that failed after storing, and the document ends with exactly its chunks', async () => {
    let failing: FailAfterStoring | undefined;
    const pipeline = await startPipeline((store) => (failing = new FailAfterStoring(store, 1)));
    try {
      const text = paragraph('tundra', 25);
      const expected = chunkText(text, chunking).length;
      const job = await pipeline.waitForJob(
        'acme',
        await pipeline.ingest.accept('acme', [doc('tundra', text)]),
      );
      expect(failing?.failed).toBe(1);
      expect(job).toMatchObject({ state: 'succeeded', attempts: 2, chunksIndexed: expected });
      expect(await pipeline.documents.get('acme', 'tundra')).toMatchObject({ chunkCount: expected });
      const ids = Array.from({ length: expected + 5 }, (_, n) => `tundra#${n}`);
      expect(await pipeline.fixture.store.getChunks('acme', ids)).toHaveLength(expected);
      expect(pipeline.fixture.corpus.index.size).toBe(expected);
      const hits = await pipeline.search.search('acme', { query: 'tundra report', k: 100, filters: {} });
      expect(new Set(hits.map((hit) => hit.chunkId)).size).toBe(expected);
    } finally {
      await pipeline.stop();
    }
  });

  it('replaces the chunks of a re-ingested document and removes a deleted one from store and index', async () => {
    const pipeline = await startPipeline();
    try {
      const first = await pipeline.waitForJob(
        'acme',
        await pipeline.ingest.accept('acme', [doc('atlas', paragraph('atlas', 20))]),
      );
      expect(first.chunksIndexed).toBeGreaterThan(3);
      const second = await pipeline.waitForJob(
        'acme',
        await pipeline.ingest.accept('acme', [
          doc('atlas', 'A single short atlas line.'),
          doc('other', paragraph('ocean', 2)),
        ]),
      );
      expect(second.state).toBe('succeeded');
      expect(await pipeline.documents.get('acme', 'atlas')).toMatchObject({ chunkCount: 1 });
      const atlasHits = await pipeline.search.search('acme', {
        query: 'atlas',
        k: 50,
        filters: { document_id: 'atlas' },
      });
      expect(atlasHits.map((hit) => hit.chunkId)).toEqual(['atlas#0']);
      expect(atlasHits[0]?.text).toBe('A single short atlas line.');

      expect(await pipeline.documents.delete('acme', 'atlas')).toEqual({ deleted: true, chunksRemoved: 1 });
      const after = await pipeline.search.search('acme', { query: 'atlas line', k: 50, filters: {} });
      expect(after.some((hit) => hit.documentId === 'atlas')).toBe(false);
      expect(after.length).toBeGreaterThan(0);
      expect(
        await pipeline.fixture.corpus.index.search('acme', new HashingEmbedder().vector('atlas'), 50, {
          equals: { document_id: 'atlas' },
        }),
      ).toEqual([]);
    } finally {
      await pipeline.stop();
    }
  });
});
