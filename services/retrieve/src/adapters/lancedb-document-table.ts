import type * as lancedb from '@lancedb/lancedb';
import { documentClause } from './lancedb-filter.ts';
import {
  deleteRows,
  LanceDbMarkers,
  openTableIfPresent,
  replaceDocumentRows,
  type LanceDbOptions,
  WriteCompaction,
} from './lancedb-tables.ts';

/**
 * One index table of a LanceDB dataset, as both LanceDB indexes keep theirs: opened when present
 * (another replica sharing the dataset may have created it), created on the first write, a
 * document's rows replaced or deleted in one commit, compacted after enough writes, its row
 * count, and the corpus marker recorded beside it. The indexes add only their columns, their
 * indexes and their search.
 */
export class LanceDbDocumentTable {
  readonly #db: lancedb.Connection;
  readonly #name: string;
  readonly #markers: LanceDbMarkers;
  readonly #compaction: WriteCompaction;
  #table: lancedb.Table | undefined;
  #size = 0;
  #marker: string | undefined;

  constructor(db: lancedb.Connection, name: string, options: LanceDbOptions) {
    this.#db = db;
    this.#name = name;
    this.#markers = new LanceDbMarkers(db);
    this.#compaction = new WriteCompaction(options);
  }

  get size(): number {
    return this.#size;
  }

  get marker(): string | undefined {
    return this.#marker;
  }

  /**
   * Reads the table (if any), its row count and its marker. With `signature`, a marker recorded
   * with another one (an index built with other settings) reads as none: stale, so Corpus
   * rebuilds the index.
   */
  async load(signature?: string): Promise<lancedb.Table | undefined> {
    this.#table = await openTableIfPresent(this.#db, this.#name);
    if (this.#table) this.#size = await this.#table.countRows();
    const stored = await this.#markers.get(this.#name);
    this.#marker = signature === undefined || stored?.signature === signature ? stored?.marker : undefined;
    return this.#table;
  }

  /** The table, if it exists: another process sharing the dataset may have created it since. */
  async existing(): Promise<lancedb.Table | undefined> {
    this.#table ??= await openTableIfPresent(this.#db, this.#name);
    return this.#table;
  }

  /** The table, made by `create` (with the index's columns and indexes) if it does not exist yet. */
  async ensure(
    create: (db: lancedb.Connection, name: string) => Promise<lancedb.Table>,
  ): Promise<lancedb.Table> {
    this.#table = (await this.existing()) ?? (await create(this.#db, this.#name));
    return this.#table;
  }

  /** Replaces one document's rows in `table` (from ensure) in a single commit. */
  async replaceDocument(
    table: lancedb.Table,
    tenant: string,
    documentId: string,
    rows: Array<Record<string, unknown>>,
  ): Promise<void> {
    this.#size += await replaceDocumentRows(table, documentClause(tenant, documentId), rows);
    await this.#compaction.wrote(table);
  }

  async deleteDocument(tenant: string, documentId: string): Promise<number> {
    const table = await this.existing();
    if (!table) return 0;
    const removed = await deleteRows(table, documentClause(tenant, documentId));
    this.#size -= removed;
    if (removed > 0) await this.#compaction.wrote(table);
    return removed;
  }

  /** Drops the table and its marker; the next write creates it again. */
  async clear(): Promise<void> {
    if (this.#table) await this.#db.dropTable(this.#name);
    await this.#markers.remove(this.#name);
    this.#table = undefined;
    this.#size = 0;
    this.#marker = undefined;
  }

  /**
   * A snapshot: `prepare` builds what the index needs once the table is large enough, then the
   * table is optimized and the marker recorded (after the table's own writes, as a snapshot's is).
   */
  async persist(
    marker: string,
    signature: string,
    prepare: (table: lancedb.Table) => Promise<void>,
  ): Promise<void> {
    const table = await this.existing();
    if (table) {
      await prepare(table);
      await this.#compaction.optimize(table);
      this.#size = await table.countRows();
    }
    await this.#markers.set(this.#name, { marker, signature });
    this.#marker = marker;
  }
}
