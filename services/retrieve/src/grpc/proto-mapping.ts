import type { RetrieveV1 } from '@ragfleet/protos';
import type { DocumentInput, DocumentRecord, IngestJob, JobState } from '../domain/model.ts';
import type { SearchHit } from '../domain/search-service.ts';

const JOB_STATES: Record<JobState, RetrieveV1.JobState__Output> = {
  queued: 'JOB_STATE_QUEUED',
  running: 'JOB_STATE_RUNNING',
  succeeded: 'JOB_STATE_SUCCEEDED',
  failed: 'JOB_STATE_FAILED',
};

export function toDocumentInputs(documents: RetrieveV1.Document__Output[]): DocumentInput[] {
  return documents.map((document) => ({
    id: document.id,
    text: document.text,
    title: document.title,
    metadata: { ...document.metadata },
  }));
}

export function toProtoJob(job: IngestJob): RetrieveV1.Job {
  return {
    id: job.id,
    state: JOB_STATES[job.state],
    documentIds: job.documentIds,
    documentsDone: job.documentsDone,
    chunksIndexed: job.chunksIndexed,
    error: job.error,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

export function toProtoDocumentInfo(document: DocumentRecord): RetrieveV1.DocumentInfo {
  return {
    id: document.id,
    title: document.title,
    metadata: document.metadata,
    chunkCount: document.chunkCount,
    length: document.length,
    updatedAt: document.updatedAt,
  };
}

export function toProtoHit(hit: SearchHit): RetrieveV1.SearchHit {
  return { ...hit };
}
