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
 * that a filter never costs results: k hits come back whenever k chunks match.
 */
export interface VectorIndex {
  /** Replaces every entry the document had with these. */
  upsertDocument(tenant: string, documentId: string, entries: IndexEntry[]): void;
  /** Returns how many entries were removed. */
  deleteDocument(tenant: string, documentId: string): number;
  search(tenant: string, vector: number[], k: number, filter?: IndexFilter): IndexHit[];
  /** Live entries across tenants. */
  readonly size: number;
}

/** An index that can be written to disk with the corpus marker it reflects. */
export interface PersistentVectorIndex extends VectorIndex {
  readonly marker: string | undefined;
  persist(marker: string): Promise<void>;
  /** Forgets everything (before a rebuild). */
  clear(): void;
}
