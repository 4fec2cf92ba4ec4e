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
 * What the index journal holds: the marker of the snapshot it starts from (`base`), then one
 * line per document written or deleted since, with the store marker right after that write.
 */
export type IndexJournalEntry =
  { op: 'base'; marker: string } | { op: 'write'; tenant: string; documentId: string; marker: string };

/**
 * An append-only, fsync'd log of the documents the indexes changed since their last snapshot
 * (the adapter: OperationLog). It names documents only; their chunks and vectors are read back
 * from the store on replay, so the journal stays small and the store stays the one record.
 */
export interface IndexJournal {
  /** Every complete entry; opens the journal for appending. */
  replay(): Promise<IndexJournalEntry[]>;
  /** Resolves once the entries are on disk. */
  append(...entries: IndexJournalEntry[]): Promise<void>;
  /** Atomically replaces the whole journal (after a snapshot: its base alone). */
  rewrite(entries: Iterable<IndexJournalEntry>): Promise<void>;
}

export type Recovery = 'loaded' | 'replayed' | 'rebuilt';

export interface CorpusOptions {
  /**
   * The indexes are one dataset that every replica writes (LanceDB on shared storage, with a shared
   * store): a change another replica made is already in them, so a replicated change goes to the
   * store only, and on start an index that has a marker is taken as current (its marker is the last
   * snapshot any replica took; the writes since are in it, not in this replica's journal). Only an
   * index without a marker (never built, or built with another analyzer) is rebuilt.
   */
  sharedIndexes?: boolean;
}

/**
 * The store and the two indexes (vector and keyword) kept in step. Every write goes to the store
 * first (the source of truth), then to both indexes, one write at a time; a persisted index
 * (a snapshot) is labelled with the store marker it reflects.
 *
 * Snapshots are whole-index writes, too slow to take after every job once the index is large. With
 * a journal, each write is also named in it (fsync'd) before it resolves, so a write acknowledged
 * after the last snapshot is replayed from the store on start instead of lost, and snapshots can
 * wait (IndexSnapshots decides when). Without one (derived versions), a delete snapshots at once.
 * An index whose snapshot and journal do not add up to the store's marker (a crash between a
 * store write and its journal line, an analyzer change for the keyword index) is rebuilt.
 */
export class Corpus {
  readonly store: DocumentStore;
  readonly index: PersistentVectorIndex;
  readonly keywords: PersistentKeywordIndex;
  readonly #metrics: RetrieveMetrics;
  readonly #writes = new SerialQueue();
  readonly #listeners: CorpusListener[] = [];
  readonly #journal: IndexJournal | undefined;
  /** Journal lines written since it was last emptied. */
  #journaled = 0;
  #journalHasBase = false;
  readonly #shared: boolean;

  constructor(
    store: DocumentStore,
    index: PersistentVectorIndex,
    metrics: RetrieveMetrics,
    keywords: PersistentKeywordIndex = new VolatileKeywordIndex(),
    journal?: IndexJournal,
    options: CorpusOptions = {},
  ) {
    this.store = store;
    this.index = index;
    this.keywords = keywords;
    this.#metrics = metrics;
    this.#journal = journal;
    this.#shared = options.sharedIndexes ?? false;
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

  /**
   * Brings both indexes to the store's state: the snapshot as loaded, plus the journal replayed
   * onto it; an index that still does not match the store is rebuilt from it. Anything replayed or
   * rebuilt is snapshotted at once, so the journal starts empty again.
   */
  async recover(logger: CorpusLogger): Promise<Recovery> {
    return this.#writes.run(async () => {
      const started = performance.now();
      const marker = await this.store.corpusMarker();
      const entries = (await this.#journal?.replay()) ?? [];
      this.#journaled = entries.length;
      this.#journalHasBase = entries[0]?.op === 'base';
      const writes = entries.filter((entry) => entry.op === 'write');
      // The journal continues a snapshot whose marker is its base or any marker it recorded since.
      const continued = new Set(entries.map((entry) => entry.marker));
      const journalMarker = entries.at(-1)?.marker;
      // Current: nothing to do. Replayable: the journal continues this snapshot and ends on the store's marker.
      const plan = (indexMarker: string | undefined): 'current' | 'replay' | 'rebuild' => {
        if (indexMarker !== undefined && (indexMarker === marker || this.#shared)) return 'current';
        if (indexMarker !== undefined && continued.has(indexMarker) && journalMarker === marker)
          return 'replay';
        return 'rebuild';
      };
      const vectors = plan(this.index.marker);
      const keywords = plan(this.keywords.marker);
      const replayVectors = vectors === 'replay';
      const replayKeywords = keywords === 'replay';
      const staleVectors = vectors === 'rebuild';
      const staleKeywords = keywords === 'rebuild';
      if (vectors === 'current' && keywords === 'current') {
        // A crash between a snapshot and emptying the journal (the snapshot already holds it all),
        // or no journal yet (the first start with one): the journal starts from this snapshot.
        if (writes.length > 0 || !this.#journalHasBase) await this.#snapshotLocked(marker);
        logger.info({ chunks: this.index.size }, 'indexes loaded');
        this.#metrics.indexSize(this.index.size);
        return 'loaded';
      }
      const previous = { vectors: this.index.marker, keywords: this.keywords.marker };
      if (replayVectors || replayKeywords) {
        await this.#replay(writes, { vectors: replayVectors, keywords: replayKeywords });
      }
      if (staleVectors || staleKeywords) await this.#rebuild(staleVectors, staleKeywords);
      await this.#snapshotLocked(marker);
      this.#metrics.indexSize(this.index.size);
      const rebuilt = [staleVectors && 'vector', staleKeywords && 'keyword'].filter(Boolean);
      const replayed = [replayVectors && 'vector', replayKeywords && 'keyword'].filter(Boolean);
      const seconds = (performance.now() - started) / 1000;
      if (rebuilt.length > 0) {
        logger.info(
          { chunks: this.index.size, rebuilt, replayed, seconds, previous },
          'indexes rebuilt from the store',
        );
        return 'rebuilt';
      }
      logger.info(
        { chunks: this.index.size, replayed, documents: new Set(writes.map(key)).size, seconds },
        'indexes replayed from the journal',
      );
      return 'replayed';
    });
  }

  /** Puts each journaled document into the indexes as the store holds it now (gone: removed). */
  async #replay(
    writes: Array<Extract<IndexJournalEntry, { op: 'write' }>>,
    into: { vectors: boolean; keywords: boolean },
  ): Promise<void> {
    const latest = new Map(writes.map((entry) => [key(entry), entry]));
    for (const { tenant, documentId } of latest.values()) {
      const document = await this.store.getDocument(tenant, documentId);
      const ids = Array.from({ length: document?.chunkCount ?? 0 }, (_, n) => `${documentId}#${n}`);
      const chunks = document ? (await this.store.getChunks(tenant, ids)).sort((a, b) => a.n - b.n) : [];
      if (into.vectors) {
        if (document) await this.index.upsertDocument(tenant, documentId, toEntries(document, chunks));
        else await this.index.deleteDocument(tenant, documentId);
      }
      if (into.keywords) {
        if (document)
          await this.keywords.upsertDocument(tenant, documentId, toKeywordEntries(document, chunks));
        else await this.keywords.deleteDocument(tenant, documentId);
      }
    }
  }

  async #rebuild(vectors: boolean, keywords: boolean): Promise<void> {
    if (vectors) await this.index.clear();
    if (keywords) await this.keywords.clear();
    for await (const { tenant, document, chunks } of this.store.scanIndexable()) {
      if (vectors) await this.index.upsertDocument(tenant, document.id, toEntries(document, chunks));
      if (keywords)
        await this.keywords.upsertDocument(tenant, document.id, toKeywordEntries(document, chunks));
    }
  }

  /** Replaces a document in store and index. */
  replaceDocument(
    tenant: string,
    document: DocumentRecord,
    chunks: ChunkRecord[],
    origin: ChangeOrigin = 'local',
  ): Promise<{ storeSeconds: number; indexSeconds: number }> {
    return this.replaceDocuments(tenant, [{ document, chunks }], origin);
  }

  /**
   * Replaces several documents in store and index in one write turn, named in the journal by one
   * fsync'd append after the last: the journal costs one sync per group, not one per document.
   */
  async replaceDocuments(
    tenant: string,
    documents: Array<{ document: DocumentRecord; chunks: ChunkRecord[] }>,
    origin: ChangeOrigin = 'local',
  ): Promise<{ storeSeconds: number; indexSeconds: number }> {
    const timing = await this.#writes.run(async () => {
      let storeSeconds = 0;
      let indexSeconds = 0;
      for (const { document, chunks } of documents) {
        const started = performance.now();
        await this.store.upsertDocument(tenant, document, chunks);
        const stored = performance.now();
        // Both indexes at once: on disk (LanceDB) each write waits on its own commit.
        if (this.#writesIndexes(origin))
          await Promise.all([
            this.index.upsertDocument(tenant, document.id, toEntries(document, chunks)),
            this.keywords.upsertDocument(tenant, document.id, toKeywordEntries(document, chunks)),
          ]);
        storeSeconds += (stored - started) / 1000;
        indexSeconds += (performance.now() - stored) / 1000;
      }
      const journaled = performance.now();
      await this.#journalWrite(
        tenant,
        documents.map(({ document }) => document.id),
      );
      this.#metrics.indexSize(this.index.size);
      return { storeSeconds, indexSeconds: indexSeconds + (performance.now() - journaled) / 1000 };
    });
    for (const { document, chunks } of documents)
      await this.#notify({ kind: 'upsert', origin, tenant, documentId: document.id, document, chunks });
    return timing;
  }

  /** Removes a document from store and index; returns the chunks removed from the store. */
  async deleteDocument(tenant: string, documentId: string, origin: ChangeOrigin = 'local'): Promise<number> {
    const removed = await this.#writes.run(async () => {
      const removed = await this.store.deleteDocument(tenant, documentId);
      if (this.#writesIndexes(origin))
        await Promise.all([
          this.index.deleteDocument(tenant, documentId),
          this.keywords.deleteDocument(tenant, documentId),
        ]);
      if (this.#journal) await this.#journalWrite(tenant, [documentId]);
      else await this.#snapshotLocked(await this.store.corpusMarker());
      this.#metrics.indexSize(this.index.size);
      return removed;
    });
    await this.#notify({ kind: 'delete', origin, tenant, documentId });
    return removed;
  }

  /**
   * Snapshots both indexes, labelled with the store state they reflect, and empties the journal
   * (the snapshot now holds what it named). Nothing is written when nothing changed.
   */
  persistIndex(): Promise<void> {
    return this.#writes.run(async () => this.#snapshotLocked(await this.store.corpusMarker()));
  }

  /** Shared indexes already hold another replica's change: it wrote them itself. */
  #writesIndexes(origin: ChangeOrigin): boolean {
    return !(this.#shared && origin === 'replica');
  }

  async #snapshotLocked(marker: string): Promise<void> {
    const vectors = marker !== this.index.marker;
    const keywords = marker !== this.keywords.marker;
    if (vectors) await this.index.persist(marker);
    if (keywords) await this.keywords.persist(marker);
    // Only once both snapshots are on disk: a crash before this keeps the journal that completes them.
    if (this.#journal && (vectors || keywords || this.#journaled > 0 || !this.#journalHasBase)) {
      await this.#journal.rewrite([{ op: 'base', marker }]);
      this.#journaled = 0;
      this.#journalHasBase = true;
    }
  }

  /**
   * Inside the write's turn, after store and indexes: the writes are acknowledged only once named
   * here. Every line of one append carries the store marker after the last of its writes.
   */
  async #journalWrite(tenant: string, documentIds: string[]): Promise<void> {
    if (!this.#journal || documentIds.length === 0) return;
    this.#journaled += documentIds.length;
    const marker = await this.store.corpusMarker();
    await this.#journal.append(
      ...documentIds.map((documentId) => ({ op: 'write' as const, tenant, documentId, marker })),
    );
  }
}

function key(entry: { tenant: string; documentId: string }): string {
  return `${entry.tenant}\u0000${entry.documentId}`;
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
