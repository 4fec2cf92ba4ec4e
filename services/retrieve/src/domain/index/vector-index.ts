import { RagfleetError } from '@ragfleet/errors';
import type { SearchFilter } from './search-filter.ts';

export interface IndexEntry {
  chunkId: string;
  documentId: string;
  vector: number[];
  metadata: Record<string, string>;
}

/** Filters are shared by both indexes. */
export type IndexFilter = SearchFilter;

export interface IndexHit {
  chunkId: string;
  documentId: string;
  /** Cosine similarity, 1 for the same direction. */
  score: number;
}

/**
 * Nearest-neighbour search over chunk vectors, partitioned by tenant inside the search itself so
 * that a filter never costs results: k hits come back whenever k chunks match. Asynchronous, so
 * that an index on disk or object storage (LanceDB) sits behind it as well as one in memory.
 */
export interface VectorIndex {
  /** Replaces every entry the document had with these. */
  upsertDocument(tenant: string, documentId: string, entries: IndexEntry[]): Promise<void>;
  /** Resolves to how many entries were removed. */
  deleteDocument(tenant: string, documentId: string): Promise<number>;
  search(tenant: string, vector: number[], k: number, filter?: IndexFilter): Promise<IndexHit[]>;
  /** Live entries across tenants (as of this process's last write or open, for a shared index). */
  readonly size: number;
}

/** An index that can be written to disk with the corpus marker it reflects. */
export interface PersistentVectorIndex extends VectorIndex {
  readonly marker: string | undefined;
  persist(marker: string): Promise<void>;
  /** Forgets everything (before a rebuild). */
  clear(): Promise<void>;
}

/**
 * Equal scores in chunk id order: an index returns ties in the order points were inserted, which
 * differs between replicas that applied the same writes in another order (or rebuilt), and the
 * same corpus must answer the same on every replica. Sorts in place.
 */
export function byScoreThenChunk(hits: IndexHit[]): IndexHit[] {
  return hits.sort(
    (a, b) => b.score - a.score || (a.chunkId < b.chunkId ? -1 : a.chunkId > b.chunkId ? 1 : 0),
  );
}

/** A vector whose length is not the index's: the embedding model changed under the index. */
export function dimensionMismatch(indexDimensions: number, vectorDimensions: number): RagfleetError {
  return new RagfleetError('INTERNAL', 'Embedding dimensions do not match the index', {
    internal: `index has ${indexDimensions} dimensions, vector has ${vectorDimensions}: was the embedding model changed?`,
  });
}
