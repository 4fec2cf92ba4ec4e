import type { ErrorCode } from '@ragfleet/errors';
import type { ChunkStrategy } from '../chunking/chunking.ts';

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
  /**
   * Why the job failed, why its last attempt failed while it is retried, or what it waits for:
   * a plain sentence for callers (never a raw gRPC or stack text; that is in the log).
   */
  error: string;
  /** The stable code (packages/errors) of `error`; absent while `error` is empty. */
  errorCode?: ErrorCode;
  attempts: number;
  /** The chunking strategy the request chose; absent: the service's default. */
  chunking?: ChunkStrategy;
  createdAt: string;
  updatedAt: string;
}
