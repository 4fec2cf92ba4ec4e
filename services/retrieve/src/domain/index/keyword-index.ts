import type { SearchFilter } from './search-filter.ts';

/** One chunk as the keyword index sees it: its text and its document's title and metadata. */
export interface KeywordEntry {
  chunkId: string;
  documentId: string;
  title: string;
  text: string;
  metadata: Record<string, string>;
}

export interface KeywordHit {
  chunkId: string;
  documentId: string;
  /** BM25 score: unbounded, comparable only within one query. */
  score: number;
}

/** Okapi BM25 parameters: k1 saturates term frequency, b normalizes by chunk length. */
export interface Bm25Params {
  k1: number;
  b: number;
  /**
   * Pseudo-relevance feedback (RM3): the `terms` most typical of the top `documents` chunks join
   * the query with `weight` (the original terms keep 1 - weight). Absent or 0 documents: off.
   */
  feedback?: { documents: number; terms: number; weight: number };
}

/**
 * Term search over chunks, partitioned by tenant; kept in step with the vector index by Corpus.
 * Asynchronous like VectorIndex, for the same reason.
 */
export interface KeywordIndex {
  /** Replaces every entry the document had with these. */
  upsertDocument(tenant: string, documentId: string, entries: KeywordEntry[]): Promise<void>;
  /** Resolves to how many entries were removed. */
  deleteDocument(tenant: string, documentId: string): Promise<number>;
  search(
    tenant: string,
    query: string,
    k: number,
    filter?: SearchFilter,
    params?: Bm25Params,
  ): Promise<KeywordHit[]>;
  /** Live entries across tenants (as of this process's last write or open, for a shared index). */
  readonly size: number;
}

/** A keyword index that can be written to disk with the corpus marker it reflects. */
export interface PersistentKeywordIndex extends KeywordIndex {
  /** Undefined when nothing was persisted, or when it was built with another analyzer. */
  readonly marker: string | undefined;
  persist(marker: string): Promise<void>;
  clear(): Promise<void>;
}
