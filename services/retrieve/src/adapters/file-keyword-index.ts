import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bm25Options, Bm25Snapshot } from '../domain/index/bm25-index.ts';
import { VolatileKeywordIndex } from '../domain/index/volatile-keyword-index.ts';
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
export class FileKeywordIndex extends VolatileKeywordIndex {
  readonly #dir: string;

  private constructor(dir: string, options: Bm25Options) {
    super(options);
    this.#dir = dir;
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

  override async persist(marker: string): Promise<void> {
    const persisted: PersistedKeywordIndex = { marker, index: this.engine.snapshot() };
    await writeJsonDurably(join(this.#dir, FILE), persisted);
    await super.persist(marker);
  }

  async #load(): Promise<void> {
    const persisted = await readJsonIfPresent<PersistedKeywordIndex>(join(this.#dir, FILE));
    if (persisted && this.engine.restore(persisted.index)) await super.persist(persisted.marker);
  }
}
