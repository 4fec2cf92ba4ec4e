import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { corpusFixture, type CorpusFixture } from '../../../test/support/corpus-fixture.ts';
import { RagfleetError } from '@ragfleet/errors';
import { QuietLogger } from '../../../test/support/quiet-logger.ts';
import { RecordingBus } from '../../../test/support/recording-bus.ts';
import { IngestService } from './ingest-service.ts';
import type { DocumentInput } from '../index/records.ts';

let fixture: CorpusFixture;
let bus: RecordingBus;
let ingest: IngestService;
let logger: QuietLogger;

beforeEach(async () => {
  fixture = await corpusFixture();
  bus = new RecordingBus();
  logger = new QuietLogger();
  ingest = new IngestService({
    store: fixture.store,
    bus,
    jobsSubject: 'jobs',
    logger,
    newId: () => 'job-1',
  });
});
afterEach(() => fixture.close());

const doc = (fields: Partial<DocumentInput> = {}): DocumentInput => ({
  id: 'd1',
  text: 'Some text.',
  title: '',
  metadata: {},
  ...fields,
});

describe('IngestService', () => {
  it.each([
    [[], 'documents'],
    [[doc({ id: '' })], 'documents[0].id'],
    [[doc({ id: 'x'.repeat(257) })], 'documents[0].id'],
    [[doc(), doc()], 'documents[1].id'],
    [[doc({ text: '   ' })], 'documents[0].text'],
    [[doc({ metadata: { document_id: 'x' } })], 'documents[0].metadata.document_id'],
    [[doc({ metadata: { 'a.b': 'x' } })], 'documents[0].metadata'],
  ])('rejects %j naming the field %s', async (documents, field) => {
    await expect(ingest.accept('acme', documents as DocumentInput[])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field },
    });
    expect(bus.published).toEqual([]);
  });

  it('stores a queued job and queues only its id, under the job id as message id', async () => {
    const job = await ingest.accept('acme', [doc()]);
    expect(job).toMatchObject({ id: 'job-1', state: 'queued', documentIds: ['d1'] });
    expect(bus.published).toHaveLength(1);
    expect(bus.published[0]).toMatchObject({
      subject: 'jobs',
      event: { id: 'job-1', tenant: 'acme', data: { jobId: 'job-1' } },
    });
    expect(await fixture.store.getJobDocuments('acme', 'job-1')).toEqual([doc()]);
  });

  it('accepts a job it stored while the queue is unreachable, and leaves it queued for the sweep', async () => {
    bus.failPublish = new RagfleetError('SERVICE_UNAVAILABLE', 'The event bus is reconnecting');
    const job = await ingest.accept('acme', [doc()]);
    expect(job).toMatchObject({ id: 'job-1', state: 'queued' });
    expect(await fixture.store.getJob('acme', 'job-1')).toMatchObject({ state: 'queued' });
    expect(await fixture.store.getJobDocuments('acme', 'job-1')).toEqual([doc()]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'ingest job stored but not queued; the sweep will queue it',
      }),
    );
  });

  it('refuses with SERVICE_UNAVAILABLE and marks the job failed when publishing fails for good', async () => {
    bus.failPublish = new Error('no stream captures the subject');
    await expect(ingest.accept('acme', [doc()])).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(await fixture.store.getJob('acme', 'job-1')).toMatchObject({ state: 'failed' });
  });

  it('finds a job only for its own tenant', async () => {
    await ingest.accept('acme', [doc()]);
    await expect(ingest.getJob('acme', 'job-1')).resolves.toMatchObject({ id: 'job-1' });
    await expect(ingest.getJob('globex', 'job-1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
