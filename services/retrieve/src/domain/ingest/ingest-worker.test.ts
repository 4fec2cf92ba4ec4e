import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { RagfleetError } from '@ragfleet/errors';
import { corpusFixture, type CorpusFixture } from '../../../test/support/corpus-fixture.ts';
import { FailAfterStoring } from '../../../test/support/failing-store.ts';
import { HashingEmbedder } from '../../../test/support/hashing-embedder.ts';
import { QuietLogger } from '../../../test/support/quiet-logger.ts';
import { RecordingBus } from '../../../test/support/recording-bus.ts';
import type { Embedder } from '../index/embedder.ts';
import { IngestService, INGEST_REQUESTED, type IngestRequested } from './ingest-service.ts';
import { DOCUMENTS_INDEXED, IngestWorker } from './ingest-worker.ts';
import type { DocumentInput } from '../index/records.ts';
import { noMetrics } from '../index/retrieve-metrics.ts';
import type { EventEnvelope } from '@ragfleet/events';

let fixture: CorpusFixture;
let bus: RecordingBus;

afterEach(() => fixture.close());

function setUp(options: { embedder?: Embedder; failures?: number; maxAttempts?: number } = {}) {
  bus = new RecordingBus();
  const ingest = new IngestService({
    store: fixture.store,
    bus,
    jobsSubject: 'jobs',
    logger: new QuietLogger(),
  });
  const worker = new IngestWorker({
    corpus: fixture.corpus,
    embedder: options.embedder ?? new HashingEmbedder(),
    bus,
    jobsSubject: 'jobs',
    indexedSubject: 'indexed',
    durable: 'test',
    chunking: { size: 120, overlap: 20 },
    metrics: noMetrics,
    logger: new QuietLogger(),
    maxAttempts: options.maxAttempts ?? 3,
    embedGroupChunks: 4,
  });
  return { ingest, worker };
}

const documents: DocumentInput[] = [
  { id: 'long', title: 'Long', metadata: {}, text: 'Alpha beta gamma delta. '.repeat(30) },
  { id: 'short', title: 'Short', metadata: { lang: 'en' }, text: 'A short note about epsilon.' },
];

function queued(): EventEnvelope<IngestRequested> {
  const message = bus.published.find((entry) => entry.event.type === INGEST_REQUESTED);
  if (!message) throw new Error('no job was queued');
  return message.event as EventEnvelope<IngestRequested>;
}

describe('IngestWorker', () => {
  beforeEach(async () => {
    fixture = await corpusFixture();
  });

  it('runs a queued job to success, storing and indexing every chunk, then announces it', async () => {
    const { ingest, worker } = setUp();
    const job = await ingest.accept('acme', documents);
    expect(job.state).toBe('queued');
    expect(queued().data).toEqual({ jobId: job.id });

    await worker.handle(queued(), { attempt: 1, subject: 'jobs' });

    const done = await ingest.getJob('acme', job.id);
    const longChunks = (await fixture.store.getDocument('acme', 'long'))?.chunkCount ?? 0;
    expect(longChunks).toBeGreaterThan(3);
    expect(done).toMatchObject({
      state: 'succeeded',
      attempts: 1,
      documentsDone: 2,
      chunksIndexed: longChunks + 1,
      error: '',
    });
    expect(fixture.corpus.index.size).toBe(longChunks + 1);
    expect(await fixture.store.getJobDocuments('acme', job.id)).toBeUndefined();
    const announced = bus.published.filter((entry) => entry.event.type === DOCUMENTS_INDEXED);
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({
      subject: 'indexed',
      event: {
        tenant: 'acme',
        data: { jobId: job.id, documentIds: ['long', 'short'], chunksIndexed: longChunks + 1 },
      },
    });
    // The index on disk reflects the store as it now is.
    expect(fixture.corpus.index.marker).toBe(await fixture.store.corpusMarker());
  });

  it('requeues a failed attempt and throws so the bus redelivers; the retry leaves no duplicate chunks', async () => {
    await fixture.close();
    fixture = await corpusFixture((store) => new FailAfterStoring(store));
    const { ingest, worker } = setUp();
    const job = await ingest.accept('acme', documents);

    await expect(worker.handle(queued(), { attempt: 1, subject: 'jobs' })).rejects.toThrow(
      /injected failure/,
    );
    // The raw text stays in the log; the job says what a caller can use.
    expect(await ingest.getJob('acme', job.id)).toMatchObject({
      state: 'queued',
      error: 'the job failed inside retrieve; its log lines carry the job id',
      errorCode: 'INTERNAL',
    });

    await worker.handle(queued(), { attempt: 2, subject: 'jobs' });
    const done = await ingest.getJob('acme', job.id);
    const stored = await fixture.store.getDocument('acme', 'long');
    expect(done).toMatchObject({ state: 'succeeded', attempts: 2, error: '' });
    expect(done.chunksIndexed).toBe((stored?.chunkCount ?? 0) + 1);
    expect(fixture.corpus.index.size).toBe((stored?.chunkCount ?? 0) + 1);
  });

  it('marks the job failed on its last attempt and resolves, so the message is not redelivered forever', async () => {
    const broken: Embedder = {
      model: 'broken',
      embed: async () => Promise.reject(new Error('embed service down')),
    };
    const { ingest, worker } = setUp({ embedder: broken, maxAttempts: 2 });
    const job = await ingest.accept('acme', documents);
    await expect(worker.handle(queued(), { attempt: 1, subject: 'jobs' })).rejects.toMatchObject({
      internal: 'embed service down',
    });
    await worker.handle(queued(), { attempt: 2, subject: 'jobs' });
    expect(await ingest.getJob('acme', job.id)).toMatchObject({
      state: 'failed',
      attempts: 2,
      error: 'embed failed on these texts',
      errorCode: 'INTERNAL',
    });
    expect(bus.published.some((entry) => entry.event.type === DOCUMENTS_INDEXED)).toBe(false);
  });

  it('fails at once on an error that a retry cannot fix', async () => {
    const refusing: Embedder = {
      model: 'refusing',
      embed: async () => Promise.reject(new RagfleetError('INVALID_ARGUMENT', 'text too long for the model')),
    };
    const { ingest, worker } = setUp({ embedder: refusing });
    const job = await ingest.accept('acme', documents);
    await worker.handle(queued(), { attempt: 1, subject: 'jobs' });
    expect(await ingest.getJob('acme', job.id)).toMatchObject({
      state: 'failed',
      error: 'embed refused the texts: text too long for the model',
      errorCode: 'INVALID_ARGUMENT',
    });
  });

  it('does not redo a finished job that is delivered again, but repeats its announcement', async () => {
    const embedder = new HashingEmbedder();
    const { ingest, worker } = setUp({ embedder });
    await ingest.accept('acme', documents);
    await worker.handle(queued(), { attempt: 1, subject: 'jobs' });
    const calls = embedder.calls;
    await worker.handle(queued(), { attempt: 2, subject: 'jobs' });
    expect(embedder.calls).toBe(calls);
    const announcements = bus.published.filter((entry) => entry.event.type === DOCUMENTS_INDEXED);
    expect(announcements.map((entry) => entry.event.id)).toEqual([
      announcements[0]?.event.id,
      announcements[0]?.event.id,
    ]);
  });

  it('resumes a job that was running when its worker died from the documents not yet done', async () => {
    const embedder = new HashingEmbedder();
    const { ingest, worker } = setUp({ embedder });
    const job = await ingest.accept('acme', documents);
    // As left by a worker that stored the first group and died.
    await fixture.store.saveJob({
      ...job,
      state: 'running',
      attempts: 1,
      documentsDone: 1,
      chunksIndexed: 9,
    });
    await worker.handle(queued(), { attempt: 2, subject: 'jobs' });
    expect(await ingest.getJob('acme', job.id)).toMatchObject({
      state: 'succeeded',
      documentsDone: 2,
      chunksIndexed: 10,
    });
    expect(await fixture.store.getDocument('acme', 'long')).toBeUndefined();
    expect(await fixture.store.getDocument('acme', 'short')).toMatchObject({ chunkCount: 1 });
  });

  it('drops a message whose job does not exist for its tenant', async () => {
    const { ingest, worker } = setUp();
    await ingest.accept('acme', documents);
    const foreign = { ...queued(), tenant: 'globex' };
    await worker.handle(foreign, { attempt: 1, subject: 'jobs' });
    expect(fixture.corpus.index.size).toBe(0);
  });
});
