import { Bm25Index, DEFAULT_BM25 } from './bm25-index.ts';
import type { PersistentKeywordIndex } from './keyword-index.ts';

/**
 * A keyword index that lives only in memory: "persisting" records the marker, so within one
 * process it reads as current, and a new process always rebuilds it from the store.
 */
export class VolatileKeywordIndex extends Bm25Index implements PersistentKeywordIndex {
  #marker: string | undefined;

  constructor(options = DEFAULT_BM25) {
    super(options);
  }

  get marker(): string | undefined {
    return this.#marker;
  }

  async persist(marker: string): Promise<void> {
    this.#marker = marker;
  }

  override clear(): void {
    super.clear();
    this.#marker = undefined;
  }
}
