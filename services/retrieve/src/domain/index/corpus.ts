import { VolatileKeywordIndex } from './volatile-keyword-index.ts';
import type { DocumentStore } from './document-store.ts';
import type { KeywordEntry, PersistentKeywordIndex } from './keyword-index.ts';
import type { ChunkRecord, DocumentRecord } from './records.ts';
import type { RetrieveMetrics } from './retrieve-metrics.ts';
import { SerialQueue } from './serial-queue.ts';
import type { IndexEntry, PersistentVectorIndex } from './vector-index.ts';

/** Where a write came from: this replica's own ingest or delete, or another's, replicated. */
export type ChangeOrigin = 'local' | 'replica';

/** A document written or deleted: derived index versions and replication follow the corpus through these. */
export type CorpusChange =
  | {
      kind: 'upsert';
      origin: ChangeOrigin;
      tenant: string;
      documentId: string;
      document: DocumentRecord;
      chunks: ChunkRecord[];
    }
  | { kind: 'delete'; origin: ChangeOrigin; tenant: string; documentId: string };

export type CorpusListener = (change: CorpusChange) => Promise<void>;

export interface CorpusLogger {
  info(object: object, message?: string): void;
}

/**
 * The store and the two indexes (vector and keyword) kept in step. Every write goes to the store
 * first (the source of truth), then to both indexes, one write at a time; a persisted index is
 * labelled with the store marker it reflects, so after a crash between the two (or an analyzer
 * change, for the keyword index) the index is found stale and rebuilt from the store.
 */
export class Corpus {
  readonly store: DocumentStore;
  readonly index: PersistentVectorIndex;
  readonly keywords: PersistentKeywordIndex;
  readonly #metrics: RetrieveMetrics;
  readonly #writes = new SerialQueue();
  readonly #listeners: CorpusListener[] = [];

  constructor(
    store: DocumentStore,
    index: PersistentVectorIndex,
    metrics: RetrieveMetrics,
    keywords: PersistentKeywordIndex = new VolatileKeywordIndex(),
  ) {
    this.store = store;
    this.index = index;
    this.keywords = keywords;
    this.#metrics = metrics;
  }

  /**
   * Calls the listener after each document write or delete, outside the write queue; the write
   * resolves only once every listener has, so a failing listener fails (and retries) the write.
   */
  onChange(listener: CorpusListener): void {
    this.#listeners.push(listener);
  }

  async #notify(change: CorpusChange): Promise<void> {
    for (const listener of this.#listeners) await listener(change);
  }

  /** Rebuilds each index from the store unless its persisted state reflects the store's current one. */
  async recover(logger: CorpusLogger): Promise<'loaded' | 'rebuilt'> {
    return this.#writes.run(async () => {
      const marker = await this.store.corpusMarker();
      const staleVectors = this.index.marker !== marker;
      const staleKeywords = this.keywords.marker !== marker;
      if (!staleVectors && !staleKeywords) {
        logger.info({ chunks: this.index.size }, 'indexes loaded');
        this.#metrics.indexSize(this.index.size);
        return 'loaded';
      }
      const started = performance.now();
      const previous = { vectors: this.index.marker, keywords: this.keywords.marker };
      if (staleVectors) this.index.clear();
      if (staleKeywords) this.keywords.clear();
      for await (const { tenant, document, chunks } of this.store.scanIndexable()) {
        if (staleVectors) this.index.upsertDocument(tenant, document.id, toEntries(document, chunks));
        if (staleKeywords)
          this.keywords.upsertDocument(tenant, document.id, toKeywordEntries(document, chunks));
      }
      if (staleVectors) await this.index.persist(marker);
      if (staleKeywords) await this.keywords.persist(marker);
      this.#metrics.indexSize(this.index.size);
      logger.info(
        {
          chunks: this.index.size,
          rebuilt: [staleVectors && 'vector', staleKeywords && 'keyword'].filter(Boolean),
          seconds: (performance.now() - started) / 1000,
          previous,
        },
        'indexes rebuilt from the store',
      );
      return 'rebuilt';
    });
  }

  /** Replaces a document in store and index. */
  async replaceDocument(
    tenant: string,
    document: DocumentRecord,
    chunks: ChunkRecord[],
    origin: ChangeOrigin = 'local',
  ): Promise<{ storeSeconds: number; indexSeconds: number }> {
    const timing = await this.#writes.run(async () => {
      const started = performance.now();
      await this.store.upsertDocument(tenant, document, chunks);
      const stored = performance.now();
      this.index.upsertDocument(tenant, document.id, toEntries(document, chunks));
      this.keywords.upsertDocument(tenant, document.id, toKeywordEntries(document, chunks));
      this.#metrics.indexSize(this.index.size);
      return { storeSeconds: (stored - started) / 1000, indexSeconds: (performance.now() - stored) / 1000 };
    });
    await this.#notify({ kind: 'upsert', origin, tenant, documentId: document.id, document, chunks });
    return timing;
  }

  /** Removes a document from store and index; returns the chunks removed from the store. */
  async deleteDocument(tenant: string, documentId: string, origin: ChangeOrigin = 'local'): Promise<number> {
    const removed = await this.#writes.run(async () => {
      const removed = await this.store.deleteDocument(tenant, documentId);
      this.index.deleteDocument(tenant, documentId);
      this.keywords.deleteDocument(tenant, documentId);
      await this.#persistLocked();
      this.#metrics.indexSize(this.index.size);
      return removed;
    });
    await this.#notify({ kind: 'delete', origin, tenant, documentId });
    return removed;
  }

  /** Writes the index to disk labelled with the store state it reflects. */
  persistIndex(): Promise<void> {
    return this.#writes.run(() => this.#persistLocked());
  }

  async #persistLocked(): Promise<void> {
    const marker = await this.store.corpusMarker();
    if (marker !== this.index.marker) await this.index.persist(marker);
    if (marker !== this.keywords.marker) await this.keywords.persist(marker);
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

function toKeywordEntries(
  document: DocumentRecord,
  chunks: Array<Pick<ChunkRecord, 'id' | 'text'>>,
): KeywordEntry[] {
  return chunks.map((chunk) => ({
    chunkId: chunk.id,
    documentId: document.id,
    title: document.title,
    text: chunk.text,
    metadata: document.metadata,
  }));
}
