import type { ChunkStrategy } from './chunking.ts';

/** What a caller hands in to be indexed. */
export interface DocumentInput {
  id: string;
  text: string;
  title: string;
  metadata: Record<string, string>;
}

/** A stored document's record; its text lives in its chunks. */
export interface DocumentRecord {
  id: string;
  title: string;
  metadata: Record<string, string>;
  /** Characters in the document's text. */
  length: number;
  chunkCount: number;
  /** RFC 3339. */
  updatedAt: string;
}

export interface ChunkRecord {
  /** `${documentId}#${n}`. */
  id: string;
  documentId: string;
  n: number;
  text: string;
  start: number;
  end: number;
  vector: number[];
}

/** One document with everything the index needs to place its chunks, as read back for a rebuild. */
export interface IndexableDocument {
  tenant: string;
  document: DocumentRecord;
  chunks: Array<Pick<ChunkRecord, 'id' | 'vector' | 'text'>>;
}

export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * An ingest job's state. Its documents are stored beside it (see DocumentStore.createJob) so that
 * the queue message carries only the job id: NATS messages are limited to 1 MB.
 */
export interface IngestJob {
  id: string;
  tenant: string;
  state: JobState;
  documentIds: string[];
  documentsDone: number;
  chunksIndexed: number;
  /** Why the job failed, or why its last attempt failed while it is retried. */
  error: string;
  attempts: number;
  /** The chunking strategy the request chose; absent: the service's default. */
  chunking?: ChunkStrategy;
  createdAt: string;
  updatedAt: string;
}
