import * as lancedb from '@lancedb/lancedb';
import { Utf8 } from 'apache-arrow';
import type { Bm25Options } from '../domain/index/bm25-index.ts';
import type {
  Bm25Params,
  KeywordEntry,
  KeywordHit,
  PersistentKeywordIndex,
} from '../domain/index/keyword-index.ts';
import type { SearchFilter } from '../domain/index/search-filter.ts';
import { byScoreThenChunk } from '../domain/index/vector-index.ts';
import { LanceDbDocumentTable } from './lancedb-document-table.ts';
import { filterClause, filterColumns } from './lancedb-filter.ts';
import { chunkSchema, connectLanceDb, ensureScalarIndexes, type LanceDbOptions } from './lancedb-tables.ts';

/** Rows from which the scalar indexes on tenant, document and chunk id pay for themselves. */
const SCALAR_INDEX_MIN_ROWS = 10_000;

interface KeywordRow {
  chunk_id: string;
  document_id: string;
  _score: number;
}

/**
 * The keyword index as a LanceDB table with LanceDB's full-text search (an inverted index, BM25)
 * on the chunk text and the document title; tenant and metadata filters are SQL prefilters, as for
 * LanceDbVectorIndex. Of Bm25Options it honours:
 * - the analyzer: lowercase, stop words and stemming map to LanceDB's tokenizer (English); its
 *   tokens are split on whitespace and punctuation; minTokenLength is not honoured (no such
 *   setting); a table built with other settings reads as stale, so Corpus rebuilds it;
 * - titleWeight: the title column's boost in a multi-column match (0: titles not searched), a
 *   boost of the title's BM25 score rather than Bm25Index's title terms counted into each chunk.
 * It does not honour Bm25Params: LanceDB fixes BM25's k1 (1.2) and b (0.75), and RM3 feedback
 * (`feedback`) is not supported; both are ignored. Term statistics (idf, average length) are the
 * whole table's, across tenants, where Bm25Index keeps them per tenant: a large tenant shifts a
 * small one's scores, though never its results' membership.
 */
export class LanceDbKeywordIndex implements PersistentKeywordIndex {
  readonly #rows: LanceDbDocumentTable;
  readonly #titleWeight: number;
  readonly #fts: Partial<lancedb.FtsOptions>;
  readonly #signature: string;

  private constructor(db: lancedb.Connection, name: string, bm25: Bm25Options, options: LanceDbOptions) {
    this.#rows = new LanceDbDocumentTable(db, name, options);
    this.#titleWeight = bm25.titleWeight;
    this.#fts = {
      baseTokenizer: 'simple',
      language: 'English',
      lowercase: bm25.analyzer.lowercase,
      removeStopWords: bm25.analyzer.stopWords,
      stem: bm25.analyzer.stemming,
      asciiFolding: false,
      withPosition: false,
    };
    this.#signature = JSON.stringify({ fts: this.#fts, title: this.#titleWeight > 0 });
  }

  /** Opens table `table` of the dataset at `uri` (created on the first write); check `marker` against the store. */
  static async open(
    uri: string,
    table: string,
    bm25: Bm25Options,
    options: LanceDbOptions = {},
  ): Promise<LanceDbKeywordIndex> {
    const index = new LanceDbKeywordIndex(await connectLanceDb(uri, options), table, bm25, options);
    // Built with another analyzer: stale, so Corpus rebuilds it (clear drops it, the first write
    // creates it with this analyzer).
    await index.#rows.load(index.#signature);
    return index;
  }

  get marker(): string | undefined {
    return this.#rows.marker;
  }

  get size(): number {
    return this.#rows.size;
  }

  async upsertDocument(tenant: string, documentId: string, entries: KeywordEntry[]): Promise<void> {
    if (entries.length === 0) {
      await this.deleteDocument(tenant, documentId);
      return;
    }
    const table = await this.#rows.ensure((db, name) => this.#createTable(db, name));
    const rows = entries.map((entry) => ({
      ...filterColumns(tenant, documentId, entry.metadata),
      chunk_id: entry.chunkId,
      title: entry.title,
      text: entry.text,
    }));
    await this.#rows.replaceDocument(table, tenant, documentId, rows);
  }

  deleteDocument(tenant: string, documentId: string): Promise<number> {
    return this.#rows.deleteDocument(tenant, documentId);
  }

  /** `params` is ignored: see the class comment. */
  async search(
    tenant: string,
    query: string,
    k: number,
    filter: SearchFilter = {},
    _params?: Bm25Params,
  ): Promise<KeywordHit[]> {
    if (k <= 0 || query.trim() === '') return [];
    const table = await this.#rows.existing();
    if (!table) return [];
    const match =
      this.#titleWeight > 0
        ? new lancedb.MultiMatchQuery(query, ['text', 'title'], { boosts: [1, this.#titleWeight] })
        : new lancedb.MatchQuery(query, 'text');
    const rows = (await table
      .query()
      .fullTextSearch(match)
      .where(filterClause(tenant, filter))
      .limit(k)
      .select(['chunk_id', 'document_id', '_score'])
      .toArray()) as KeywordRow[];
    return byScoreThenChunk(
      rows.map((row) => ({ chunkId: row.chunk_id, documentId: row.document_id, score: row._score })),
    );
  }

  clear(): Promise<void> {
    return this.#rows.clear();
  }

  persist(marker: string): Promise<void> {
    return this.#rows.persist(marker, this.#signature, async (table) => {
      if ((await table.countRows()) >= SCALAR_INDEX_MIN_ROWS) await ensureScalarIndexes(table);
    });
  }

  /** The table with its full-text indexes; LanceDB searches rows written since an index's last update by scanning them. */
  async #createTable(db: lancedb.Connection, name: string): Promise<lancedb.Table> {
    const table = await db.createEmptyTable(name, chunkSchema(['title', new Utf8()], ['text', new Utf8()]), {
      mode: 'create',
      existOk: true,
    });
    const indexed = new Set((await table.listIndices()).flatMap((index) => index.columns));
    for (const column of this.#titleWeight > 0 ? ['text', 'title'] : ['text'])
      if (!indexed.has(column)) await table.createIndex(column, { config: lancedb.Index.fts(this.#fts) });
    return table;
  }
}
