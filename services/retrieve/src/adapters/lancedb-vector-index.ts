import * as lancedb from '@lancedb/lancedb';
import { Field, FixedSizeList, Float32 } from 'apache-arrow';
import { byScoreThenChunk, dimensionMismatch } from '../domain/index/vector-index.ts';
import type {
  IndexEntry,
  IndexFilter,
  IndexHit,
  PersistentVectorIndex,
} from '../domain/index/vector-index.ts';
import { LanceDbDocumentTable } from './lancedb-document-table.ts';
import { filterClause, filterColumns } from './lancedb-filter.ts';
import {
  chunkSchema,
  connectLanceDb,
  DEFAULT_LANCEDB,
  ensureScalarIndexes,
  type LanceDbOptions,
} from './lancedb-tables.ts';

export interface LanceDbVectorOptions extends LanceDbOptions {
  /**
   * Rows from which the table gets an IVF-PQ index (built at the next snapshot). Below it every
   * search is an exact scan: 10,000 512-d vectors are 20 MB, a few milliseconds to scan, and IVF-PQ
   * trained on fewer rows has too few per partition to place its centroids well. Default 10,000.
   */
  ivfPqMinRows?: number;
  /** IVF partitions of the index (default: LanceDB's choice for the table's size). */
  numPartitions?: number;
  /** PQ sub-vectors per vector (default: LanceDB's choice for the dimensions). */
  numSubVectors?: number;
  /**
   * IVF partitions searched per query (LanceDB's default: 20). More: better recall, slower. A
   * filtered search that finds fewer than k there while more rows match falls back to an exact scan.
   */
  nprobes?: number;
  /**
   * PQ distances are approximate: refineFactor × k candidates are re-ranked with their stored
   * vectors, so hits come back with exact cosine scores and in exact order. Default 10: at 4,
   * recall@10 on 512-d vectors was 0.65 at 100k chunks (bench:backends); a probe at 10 gave 1.00.
   */
  refineFactor?: number;
}

const DEFAULTS: typeof DEFAULT_LANCEDB &
  Required<Pick<LanceDbVectorOptions, 'ivfPqMinRows' | 'nprobes' | 'refineFactor'>> &
  Pick<LanceDbVectorOptions, 'numPartitions' | 'numSubVectors' | 'storageOptions'> = {
  ...DEFAULT_LANCEDB,
  ivfPqMinRows: 10_000,
  nprobes: 20,
  refineFactor: 10,
};

interface VectorRow {
  chunk_id: string;
  document_id: string;
  _distance: number;
}

/**
 * The vector index as a LanceDB table (one per corpus; tenant, document and metadata as columns,
 * see lancedb-filter.ts): on disk or object storage instead of in this process's memory, so that
 * retrieve replicas can share one dataset. Filters are SQL prefilters, applied before ranking; when
 * the IVF-PQ index still yields fewer than k hits while more rows match (the partitions probed
 * held too few), the search is repeated as an exact scan of the matching rows, so k hits come back
 * whenever k match. Cosine distance, scored as similarity (1 - distance).
 *
 * Every write is durable when it resolves; `persist` optimizes the table (compaction, new rows into
 * the indexes, building IVF-PQ once the table is large enough) and records the corpus marker in
 * the dataset (LanceDbMarkers).
 */
export class LanceDbVectorIndex implements PersistentVectorIndex {
  readonly #rows: LanceDbDocumentTable;
  readonly #options: typeof DEFAULTS;
  #dimensions = 0;

  private constructor(db: lancedb.Connection, name: string, options: LanceDbVectorOptions) {
    this.#rows = new LanceDbDocumentTable(db, name, options);
    this.#options = { ...DEFAULTS, ...options };
  }

  /** Opens table `table` of the dataset at `uri` (created on the first write); check `marker` against the store. */
  static async open(
    uri: string,
    table: string,
    options: LanceDbVectorOptions = {},
  ): Promise<LanceDbVectorIndex> {
    const index = new LanceDbVectorIndex(await connectLanceDb(uri, options), table, options);
    const loaded = await index.#rows.load();
    if (loaded) index.#dimensions = await vectorDimensions(loaded);
    return index;
  }

  get marker(): string | undefined {
    return this.#rows.marker;
  }

  get size(): number {
    return this.#rows.size;
  }

  async upsertDocument(tenant: string, documentId: string, entries: IndexEntry[]): Promise<void> {
    if (entries.length === 0) {
      await this.deleteDocument(tenant, documentId);
      return;
    }
    const table = await this.#tableFor(entries[0]?.vector.length ?? 0);
    const rows = entries.map((entry) => {
      this.#checkDimensions(entry.vector);
      return {
        ...filterColumns(tenant, documentId, entry.metadata),
        chunk_id: entry.chunkId,
        vector: entry.vector,
      };
    });
    await this.#rows.replaceDocument(table, tenant, documentId, rows);
  }

  deleteDocument(tenant: string, documentId: string): Promise<number> {
    return this.#rows.deleteDocument(tenant, documentId);
  }

  async search(tenant: string, vector: number[], k: number, filter: IndexFilter = {}): Promise<IndexHit[]> {
    if (k <= 0) return [];
    const table = await this.#existing();
    if (!table) return [];
    this.#checkDimensions(vector);
    const where = filterClause(tenant, filter);
    const query = () =>
      table
        .vectorSearch(vector)
        .distanceType('cosine')
        .where(where)
        .limit(k)
        .nprobes(this.#options.nprobes)
        .refineFactor(this.#options.refineFactor)
        .select(['chunk_id', 'document_id', '_distance']);
    let rows = (await query().toArray()) as VectorRow[];
    // Exact without an IVF-PQ index; with one, the partitions probed may have held too few matches.
    if (rows.length < k && (await table.countRows(where)) > rows.length)
      rows = (await query().bypassVectorIndex().toArray()) as VectorRow[];
    return byScoreThenChunk(
      rows.map((row) => ({ chunkId: row.chunk_id, documentId: row.document_id, score: 1 - row._distance })),
    );
  }

  /** Drops the table and its marker; the next write creates it again (with that write's dimensions). */
  async clear(): Promise<void> {
    await this.#rows.clear();
    this.#dimensions = 0;
  }

  persist(marker: string): Promise<void> {
    return this.#rows.persist(marker, '', async (table) => {
      const rows = await table.countRows();
      // Asked of the table, not remembered: another replica sharing the dataset may have built it.
      const indexed = (await table.listIndices()).some((index) => index.columns.includes('vector'));
      if (!indexed && rows >= this.#options.ivfPqMinRows) {
        const { numPartitions, numSubVectors } = this.#options;
        const ivfPq = lancedb.Index.ivfPq({
          distanceType: 'cosine',
          ...(numPartitions ? { numPartitions } : {}),
          ...(numSubVectors ? { numSubVectors } : {}),
        });
        await table.createIndex('vector', { config: ivfPq });
        await ensureScalarIndexes(table);
      }
    });
  }

  /** The table, if it exists (another replica may have created it), with its dimensions known. */
  async #existing(): Promise<lancedb.Table | undefined> {
    const table = await this.#rows.existing();
    if (table && this.#dimensions === 0) this.#dimensions = await vectorDimensions(table);
    return table;
  }

  /** The table, created for vectors of these dimensions on the first write. */
  async #tableFor(dimensions: number): Promise<lancedb.Table> {
    const existing = await this.#existing();
    if (existing) return existing;
    const vectorType = new FixedSizeList(dimensions, new Field('item', new Float32(), true));
    // existOk: another replica sharing the dataset may have created it first.
    const table = await this.#rows.ensure((db, name) =>
      db.createEmptyTable(name, chunkSchema(['vector', vectorType]), { mode: 'create', existOk: true }),
    );
    this.#dimensions = await vectorDimensions(table);
    return table;
  }

  #checkDimensions(vector: number[]): void {
    if (vector.length !== this.#dimensions) throw dimensionMismatch(this.#dimensions, vector.length);
  }
}

/**
 * The vector column's fixed length. Read by shape, not instanceof: LanceDB (CommonJS) loads
 * apache-arrow's CommonJS build, whose classes are not this module's ESM ones.
 */
async function vectorDimensions(table: lancedb.Table): Promise<number> {
  const type: unknown = (await table.schema()).fields.find((field) => field.name === 'vector')?.type;
  const listSize = (type as { listSize?: unknown } | undefined)?.listSize;
  return typeof listSize === 'number' ? listSize : 0;
}
