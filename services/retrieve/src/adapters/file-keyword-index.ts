import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Bm25Index, type Bm25Options, type Bm25Snapshot } from '../domain/index/bm25-index.ts';
import type {
  Bm25Params,
  KeywordEntry,
  KeywordHit,
  PersistentKeywordIndex,
} from '../domain/index/keyword-index.ts';
import type { SearchFilter } from '../domain/index/search-filter.ts';
import { readJsonIfPresent, writeJsonDurably } from '@ragfleet/durable-json';

const FILE = 'bm25.json';

interface PersistedKeywordIndex {
  marker: string;
  index: Bm25Snapshot;
}

/**
 * The BM25 index persisted as one JSON file beside the vector index (temp + rename). A file built
 * with another analyzer configuration is ignored, so the index reads as stale and Corpus rebuilds
 * it from the stored chunk texts: changing the analyzer never needs re-embedding.
 */
export class FileKeywordIndex implements PersistentKeywordIndex {
  readonly #dir: string;
  readonly #index: Bm25Index;
  #marker: string | undefined;

  private constructor(dir: string, options: Bm25Options) {
    this.#dir = dir;
    this.#index = new Bm25Index(options);
  }

  static async open(dir: string, options: Bm25Options): Promise<FileKeywordIndex> {
    const index = new FileKeywordIndex(dir, options);
    await mkdir(dir, { recursive: true });
    // Temporary files a crash left mid-write; only possible before this process wrote any.
    for (const name of await readdir(dir))
      if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true });
    await index.#load();
    return index;
  }

  get marker(): string | undefined {
    return this.#marker;
  }

  get size(): number {
    return this.#index.size;
  }

  upsertDocument(tenant: string, documentId: string, entries: KeywordEntry[]): void {
    this.#index.upsertDocument(tenant, documentId, entries);
  }

  deleteDocument(tenant: string, documentId: string): number {
    return this.#index.deleteDocument(tenant, documentId);
  }

  search(tenant: string, query: string, k: number, filter?: SearchFilter, params?: Bm25Params): KeywordHit[] {
    return this.#index.search(tenant, query, k, filter, params);
  }

  clear(): void {
    this.#index.clear();
    this.#marker = undefined;
  }

  async persist(marker: string): Promise<void> {
    const persisted: PersistedKeywordIndex = { marker, index: this.#index.snapshot() };
    await writeJsonDurably(join(this.#dir, FILE), persisted);
    this.#marker = marker;
  }

  async #load(): Promise<void> {
    const persisted = await readJsonIfPresent<PersistedKeywordIndex>(join(this.#dir, FILE));
    if (persisted && this.#index.restore(persisted.index)) this.#marker = persisted.marker;
  }
}
