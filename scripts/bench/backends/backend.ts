// What the benchmark drives: one retrieve index backend (a vector index and a keyword index
// through retrieve's own adapters), loaded in this process. Every method is awaited, so a port
// that answers synchronously and one that answers with a promise are measured the same way.
import type { BenchChunk } from './workload.ts';

export const TENANT = 'bench';

export interface BackendHit {
  chunkId: string;
  documentId: string;
  score: number;
}

export interface IndexBackend {
  readonly name: string;
  /** The settings it was opened with, for the report. */
  readonly settings: Record<string, unknown>;
  /** Inserts one batch of chunks into both indexes. */
  insert(chunks: BenchChunk[]): Promise<void>;
  /** What follows the inserts before the backend serves as retrieve would: persist, index, optimise. */
  seal(): Promise<void>;
  vector(vector: number[], k: number): Promise<BackendHit[]>;
  keyword(text: string, k: number): Promise<BackendHit[]>;
  /** Writes one document again through both indexes' upsertDocument, as a re-ingest does. */
  replace(chunk: BenchChunk): Promise<void>;
  /** Bytes its files take on disk. */
  diskBytes(): Promise<number>;
  close(): Promise<void>;
}
