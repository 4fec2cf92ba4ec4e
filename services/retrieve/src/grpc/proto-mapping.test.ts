import { describe, expect, it } from '@jest/globals';
import type { IngestJob } from '../domain/ingest/ingest-job.ts';
import { toProtoJob } from './proto-mapping.ts';

const job: IngestJob = {
  id: 'job-1',
  tenant: 't',
  state: 'failed',
  documentIds: ['a'],
  documentsDone: 0,
  chunksIndexed: 0,
  error: 'embed was unreachable',
  errorCode: 'SERVICE_UNAVAILABLE',
  attempts: 5,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:01.000Z',
};

describe('toProtoJob', () => {
  it("carries a failed job's plain sentence and its stable code", () => {
    expect(toProtoJob(job)).toMatchObject({
      error: 'embed was unreachable',
      errorCode: 'SERVICE_UNAVAILABLE',
    });
  });

  it('gives no code while there is no error, even if an old one is stored', () => {
    expect(toProtoJob({ ...job, state: 'succeeded', error: '' }).errorCode).toBe('');
  });

  it('calls an error stored without a code INTERNAL', () => {
    expect(toProtoJob({ ...job, errorCode: undefined }).errorCode).toBe('INTERNAL');
  });
});
