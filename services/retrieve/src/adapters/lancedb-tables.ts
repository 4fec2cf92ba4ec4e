import * as lancedb from '@lancedb/lancedb';
import { Field, Float64, List, Schema, Utf8, type DataType } from 'apache-arrow';
import { sqlString } from './lancedb-filter.ts';

export interface LanceDbOptions {
  /**
   * How stale a read may be, in seconds, when other processes write the same dataset (replicas
   * sharing it): LanceDB checks for their commits at most this often; 0 checks on every read (one
   * more manifest read per search). Default 1. This process's own writes are visible at once.
   */
  readConsistencySeconds?: number;
  /** Object storage settings (credentials, region, endpoint), passed to LanceDB as they are. */
  storageOptions?: Record<string, string>;
  /**
   * Table versions older than this are removed when the table is optimized (every snapshot): each
   * write is a version, so they would pile up; a reader on another replica may still be on one
   * for up to readConsistencySeconds. Default 10 minutes.
   */
  keepVersionsMs?: number;
  /**
   * The table is also optimized after this many writes from this process: each write adds a
   * fragment, and a write or search slows with every fragment it must look through (measured, one
   * document of 10 512-d chunks per write: 22 ms a write over the first 500, 128 ms from 1,500 to
   * 2,000), which snapshots alone, minutes apart, would let grow. Default 200.
   */
  optimizeEveryWrites?: number;
}

export const DEFAULT_LANCEDB: Required<Omit<LanceDbOptions, 'storageOptions'>> = {
  readConsistencySeconds: 1,
  keepVersionsMs: 10 * 60_000,
  optimizeEveryWrites: 200,
};

/** A local directory, or an object storage URI (s3://, gs://, az://) LanceDB opens itself. */
export async function connectLanceDb(uri: string, options: LanceDbOptions = {}): Promise<lancedb.Connection> {
  return lancedb.connect(uri, {
    readConsistencyInterval: options.readConsistencySeconds ?? DEFAULT_LANCEDB.readConsistencySeconds,
    ...(options.storageOptions ? { storageOptions: options.storageOptions } : {}),
  });
}

/** The table, or undefined when it was never created (or was dropped). */
export async function openTableIfPresent(
  db: lancedb.Connection,
  name: string,
): Promise<lancedb.Table | undefined> {
  let startAfter: string | undefined;
  for (;;) {
    const names = await db.tableNames({ limit: 1000, ...(startAfter ? { startAfter } : {}) });
    if (names.includes(name)) return db.openTable(name);
    if (names.length < 1000) return undefined;
    startAfter = names.at(-1);
  }
}

/** Columns every index table has: who the chunk belongs to and what filters see (see FilterColumns). */
export function chunkFields(): Field[] {
  const strings = () => new List(new Field('item', new Utf8(), true));
  return [
    new Field('tenant', new Utf8(), false),
    new Field('document_id', new Utf8(), false),
    new Field('chunk_id', new Utf8(), false),
    new Field('meta', strings(), false),
    new Field('tags', strings(), false),
    new Field('published_ms', new Float64(), true),
  ];
}

export function chunkSchema(...extra: Array<[string, DataType]>): Schema {
  return new Schema([...chunkFields(), ...extra.map(([name, type]) => new Field(name, type, false))]);
}

/**
 * Replaces one document's rows in a single commit (a merge on tenant + chunk id that also deletes
 * the document's rows the new ones do not name), so a reader never sees the document half
 * written. Two processes writing the same new document at the same moment both insert it (LanceDB
 * does not see their inserts conflict): with a shared dataset each change is written by the one
 * replica that made it (CorpusOptions.sharedIndexes). Returns rows added minus removed.
 */
export async function replaceDocumentRows(
  table: lancedb.Table,
  documentClause: string,
  rows: Array<Record<string, unknown>>,
): Promise<number> {
  const result = await table
    .mergeInsert(['tenant', 'chunk_id'])
    .whenMatchedUpdateAll()
    .whenNotMatchedInsertAll()
    .whenNotMatchedBySourceDelete({ where: documentClause })
    .execute(rows);
  return result.numInsertedRows - result.numDeletedRows;
}

/** Deletes the rows matching `where`; returns how many there were. */
export async function deleteRows(table: lancedb.Table, where: string): Promise<number> {
  const count = await table.countRows(where);
  if (count > 0) await table.delete(where);
  return count;
}

/**
 * Scalar indexes for the columns every write and filter names, once a table is large enough that
 * scanning them costs more than keeping the index (below, a scan of a few thousand short strings
 * is cheaper than an index lookup and its upkeep).
 */
export async function ensureScalarIndexes(table: lancedb.Table): Promise<void> {
  const indexed = new Set((await table.listIndices()).flatMap((index) => index.columns));
  if (!indexed.has('tenant')) await table.createIndex('tenant', { config: lancedb.Index.bitmap() });
  for (const column of ['document_id', 'chunk_id'])
    if (!indexed.has(column)) await table.createIndex(column, { config: lancedb.Index.btree() });
}

/**
 * Compacts the small fragments each write leaves, adds rows written since to the indexes, and
 * drops versions older than keepVersionsMs: what a snapshot means for a table that is durable on
 * every write.
 */
export async function optimizeTable(table: lancedb.Table, keepVersionsMs: number): Promise<void> {
  await table.optimize({ cleanupOlderThan: new Date(Date.now() - keepVersionsMs) });
}

/** Counts this process's writes to a table and optimizes it every optimizeEveryWrites of them. */
export class WriteCompaction {
  readonly #every: number;
  readonly #keepVersionsMs: number;
  #writes = 0;

  constructor(options: LanceDbOptions) {
    this.#every = options.optimizeEveryWrites ?? DEFAULT_LANCEDB.optimizeEveryWrites;
    this.#keepVersionsMs = options.keepVersionsMs ?? DEFAULT_LANCEDB.keepVersionsMs;
  }

  async wrote(table: lancedb.Table): Promise<void> {
    if (++this.#writes < this.#every) return;
    await this.optimize(table);
  }

  async optimize(table: lancedb.Table): Promise<void> {
    this.#writes = 0;
    await optimizeTable(table, this.#keepVersionsMs);
  }
}

const MARKERS = 'ragfleet_index_markers';

export interface TableMarker {
  marker: string;
  /** What the table was built with (an analyzer); a table built otherwise reads as stale. */
  signature: string;
}

/**
 * Which corpus state each index table holds, kept in the dataset beside the tables (one row per
 * table), so that every replica opening the dataset reads the same marker. Written after the
 * table's own writes, as a snapshot's marker is.
 */
export class LanceDbMarkers {
  readonly #db: lancedb.Connection;
  #table: lancedb.Table | undefined;

  constructor(db: lancedb.Connection) {
    this.#db = db;
  }

  async get(table: string): Promise<TableMarker | undefined> {
    const markers = await this.#markers(false);
    if (!markers) return undefined;
    const rows = await markers
      .query()
      .where(`index_table = ${sqlString(table)}`)
      .limit(1)
      .toArray();
    const row = rows[0] as { marker: string; signature: string } | undefined;
    return row ? { marker: row.marker, signature: row.signature } : undefined;
  }

  async set(table: string, marker: TableMarker): Promise<void> {
    const markers = await this.#markers(true);
    await markers
      .mergeInsert('index_table')
      .whenMatchedUpdateAll()
      .whenNotMatchedInsertAll()
      .execute([{ index_table: table, ...marker }]);
  }

  async remove(table: string): Promise<void> {
    const markers = await this.#markers(false);
    await markers?.delete(`index_table = ${sqlString(table)}`);
  }

  async #markers(create: true): Promise<lancedb.Table>;
  async #markers(create: false): Promise<lancedb.Table | undefined>;
  async #markers(create: boolean): Promise<lancedb.Table | undefined> {
    if (this.#table) return this.#table;
    this.#table = create
      ? await this.#db.createEmptyTable(
          MARKERS,
          new Schema([
            new Field('index_table', new Utf8(), false),
            new Field('marker', new Utf8(), false),
            new Field('signature', new Utf8(), false),
          ]),
          { mode: 'create', existOk: true },
        )
      : await openTableIfPresent(this.#db, MARKERS);
    return this.#table;
  }
}
