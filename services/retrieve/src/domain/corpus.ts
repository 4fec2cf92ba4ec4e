import type { DocumentStore } from './document-store.ts';
import type { ChunkRecord, DocumentRecord } from './model.ts';
import type { RetrieveMetrics } from './retrieve-metrics.ts';
import { SerialQueue } from './serial-queue.ts';
import type { IndexEntry, PersistentVectorIndex } from './vector-index.ts';

export interface CorpusLogger {
  info(object: object, message?: string): void;
}

/**
 * The store and the vector index kept in step. Every write goes to the store first (the source of
 * truth), then to the index, one write at a time; a persisted index is labelled with the store
 * marker it reflects, so after a crash between the two the index is found stale and rebuilt.
 */
export class Corpus {
  readonly store: DocumentStore;
  readonly index: PersistentVectorIndex;
  readonly #metrics: RetrieveMetrics;
  readonly #writes = new SerialQueue();

  constructor(store: DocumentStore, index: PersistentVectorIndex, metrics: RetrieveMetrics) {
    this.store = store;
    this.index = index;
    this.#metrics = metrics;
  }

  /** Rebuilds the index from the store unless the persisted one reflects the store's current state. */
  async recover(logger: CorpusLogger): Promise<'loaded' | 'rebuilt'> {
    return this.#writes.run(async () => {
      const marker = await this.store.corpusMarker();
      if (this.index.marker === marker) {
        logger.info({ chunks: this.index.size }, 'vector index loaded');
        this.#metrics.indexSize(this.index.size);
        return 'loaded';
      }
      const started = performance.now();
      const previous = this.index.marker;
      this.index.clear();
      for await (const { tenant, document, chunks } of this.store.scanIndexable()) {
        this.index.upsertDocument(tenant, document.id, toEntries(document, chunks));
      }
      await this.index.persist(marker);
      this.#metrics.indexSize(this.index.size);
      logger.info(
        { chunks: this.index.size, seconds: (performance.now() - started) / 1000, previous },
        'vector index rebuilt from the store',
      );
      return 'rebuilt';
    });
  }

  /** Replaces a document in store and index. */
  async replaceDocument(
    tenant: string,
    document: DocumentRecord,
    chunks: ChunkRecord[],
  ): Promise<{ storeSeconds: number; indexSeconds: number }> {
    return this.#writes.run(async () => {
      const started = performance.now();
      await this.store.upsertDocument(tenant, document, chunks);
      const stored = performance.now();
      this.index.upsertDocument(tenant, document.id, toEntries(document, chunks));
      this.#metrics.indexSize(this.index.size);
      return { storeSeconds: (stored - started) / 1000, indexSeconds: (performance.now() - stored) / 1000 };
    });
  }

  /** Removes a document from store and index; returns the chunks removed from the store. */
  async deleteDocument(tenant: string, documentId: string): Promise<number> {
    return this.#writes.run(async () => {
      const removed = await this.store.deleteDocument(tenant, documentId);
      this.index.deleteDocument(tenant, documentId);
      await this.#persistLocked();
      this.#metrics.indexSize(this.index.size);
      return removed;
    });
  }

  /** Writes the index to disk labelled with the store state it reflects. */
  persistIndex(): Promise<void> {
    return this.#writes.run(() => this.#persistLocked());
  }

  async #persistLocked(): Promise<void> {
    const marker = await this.store.corpusMarker();
    if (marker !== this.index.marker) await this.index.persist(marker);
  }
}

function toEntries(
  document: DocumentRecord,
  chunks: Array<Pick<ChunkRecord, 'id' | 'vector'>>,
): IndexEntry[] {
  return chunks.map((chunk) => ({
    chunkId: chunk.id,
    documentId: document.id,
    vector: chunk.vector,
    metadata: document.metadata,
  }));
}
