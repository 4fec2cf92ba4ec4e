import type { RetrieveV1 } from '@ragfleet/protos';
import type { DocumentInput, DocumentRecord } from '../domain/index/records.ts';
import type { IngestJob, JobState } from '../domain/ingest/ingest-job.ts';
import type { SearchHit, SearchRequest, SearchResult } from '../domain/search/search-service.ts';

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
    errorCode: job.error ? (job.errorCode ?? 'INTERNAL') : '',
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

export function toSearchRequest(request: RetrieveV1.SearchRequest__Output): SearchRequest {
  const filter = request.filter;
  return {
    query: request.query,
    k: request.k,
    filters: { ...request.filters },
    mode: request.mode,
    fusion: request.fusion,
    ...(request.weights
      ? { weights: { vector: request.weights.vector, keyword: request.weights.keyword } }
      : {}),
    rrfK: request.rrfK,
    rerank: request.rerank,
    mmrLambda: request.mmrLambda,
    candidates: request.candidates,
    ...(filter
      ? {
          filter: {
            tags: filter.tags,
            lang: filter.lang,
            publishedFrom: filter.publishedFrom,
            publishedTo: filter.publishedTo,
            documentIds: filter.documentIds,
          },
        }
      : {}),
  };
}

export function toProtoSearchResponse(result: SearchResult): RetrieveV1.SearchResponse {
  return {
    hits: result.hits.map(toProtoHit),
    mode: result.mode,
    fusion: result.fusion,
    weights: result.weights,
    rrfK: result.rrfK,
    rerank: result.rerank,
    mmrLambda: result.mmrLambda,
    candidates: result.candidates,
  };
}
