import type { ChunkRecord, DocumentInput, DocumentRecord, IndexableDocument } from './records.ts';
import type { IngestJob } from '../ingest/ingest-job.ts';

/**
 * The corpus and its jobs, every record keyed by tenant. Adapters: an embedded append-only file
 * log (default) and MongoDB; both pass test/document-store.contract.ts.
 */
export interface DocumentStore {
  /** Loads persisted state; call once before anything else. */
  open(): Promise<void>;
  close(): Promise<void>;

  /** Stores a document with its chunks, replacing every chunk it had before (never adding to them). */
  upsertDocument(tenant: string, document: DocumentRecord, chunks: ChunkRecord[]): Promise<void>;
  getDocument(tenant: string, id: string): Promise<DocumentRecord | undefined>;
  /** Removes a document and its chunks; returns how many chunks went (0 when it did not exist). */
  deleteDocument(tenant: string, id: string): Promise<number>;
  /** The named chunks of one tenant that exist, in no particular order. */
  getChunks(tenant: string, chunkIds: string[]): Promise<ChunkRecord[]>;
  /** Every document with its chunk vectors: what an index rebuild reads. */
  scanIndexable(): AsyncIterable<IndexableDocument>;
  /**
   * Identifies the corpus state: changes on every document write or delete (job writes do not count).
   * The vector index stores the marker it reflects, so a stale index is detected on start.
   */
  corpusMarker(): Promise<string>;

  /** Stores a new job with the documents it will ingest. */
  createJob(job: IngestJob, documents: DocumentInput[]): Promise<void>;
  /** Updates a job's state and progress; once it is terminal its documents may be dropped. */
  saveJob(job: IngestJob): Promise<void>;
  getJob(tenant: string, id: string): Promise<IngestJob | undefined>;
  /** The documents of a job that has not ended, undefined once they are dropped. */
  getJobDocuments(tenant: string, id: string): Promise<DocumentInput[] | undefined>;
  /**
   * Jobs of every tenant that have not ended (queued or running) and were last updated before
   * `before`, least recently updated first, at most `limit`: what the ingest sweep looks at.
   */
  listStaleJobs(before: Date, limit: number): Promise<IngestJob[]>;
  /**
   * Saves `next` only if the stored job is still in `seen`'s state with `seen`'s updatedAt, in one
   * atomic step; false (nothing written) when anyone changed it meanwhile, so that of several
   * replicas sweeping the same store one alone moves a job.
   */
  saveJobIfUnchanged(seen: IngestJob, next: IngestJob): Promise<boolean>;
}
