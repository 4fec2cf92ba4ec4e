import { Bm25Index, DEFAULT_BM25 } from './bm25-index.ts';
import type { Bm25Params, KeywordEntry, KeywordHit, PersistentKeywordIndex } from './keyword-index.ts';
import type { SearchFilter } from './search-filter.ts';

/**
 * A keyword index that lives only in memory: "persisting" records the marker, so within one
 * process it reads as current, and a new process always rebuilds it from the store. The port is
 * async; the in-memory engine answers at once (no work is deferred, only the result wrapped).
 */
export class VolatileKeywordIndex implements PersistentKeywordIndex {
  protected readonly engine: Bm25Index;
  #marker: string | undefined;

  constructor(options = DEFAULT_BM25) {
    this.engine = new Bm25Index(options);
  }

  get marker(): string | undefined {
    return this.#marker;
  }

  get size(): number {
    return this.engine.size;
  }

  async upsertDocument(tenant: string, documentId: string, entries: KeywordEntry[]): Promise<void> {
    this.engine.upsertDocument(tenant, documentId, entries);
  }

  async deleteDocument(tenant: string, documentId: string): Promise<number> {
    return this.engine.deleteDocument(tenant, documentId);
  }

  async search(
    tenant: string,
    query: string,
    k: number,
    filter?: SearchFilter,
    params?: Bm25Params,
  ): Promise<KeywordHit[]> {
    return this.engine.search(tenant, query, k, filter, params);
  }

  /** Records that the engine now reflects the store at `marker` (a subclass writes it first). */
  async persist(marker: string): Promise<void> {
    this.#marker = marker;
  }

  async clear(): Promise<void> {
    this.engine.clear();
    this.#marker = undefined;
  }
}
