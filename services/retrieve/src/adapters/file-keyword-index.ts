import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bm25Options, Bm25Snapshot } from '../domain/index/bm25-index.ts';
import { VolatileKeywordIndex } from '../domain/index/volatile-keyword-index.ts';
import { readJsonLinesIfPresent, writeJsonLinesDurably } from '@ragfleet/durable-json';

const FILE = 'bm25.jsonl';
/** The single-JSON file of earlier releases: unreadable past ~500 MB, so it is only removed. */
const OLD_FILE = 'bm25.json';

type SnapshotDocument = Bm25Snapshot['tenants'][string][number];
/** The first line, then one line per document. */
type PersistedLine = { marker: string; signature: string } | { tenant: string; document: SnapshotDocument };

/**
 * The BM25 index persisted as a JSON Lines file beside the vector index (temp + rename): its marker
 * and analyzer signature, then one line per document, so that no single string has to hold the
 * whole index (a million chunks' postings are more than V8 allows in one string). A file built
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
    const snapshot = this.engine.snapshot();
    await writeJsonLinesDurably(join(this.#dir, FILE), persistedLines(marker, snapshot));
    await rm(join(this.#dir, OLD_FILE), { force: true });
    await super.persist(marker);
  }

  async #load(): Promise<void> {
    const lines = await readJsonLinesIfPresent<PersistedLine>(join(this.#dir, FILE));
    if (!lines) return;
    let marker: string | undefined;
    const snapshot: Bm25Snapshot = { signature: '', tenants: {} };
    for await (const line of lines) {
      if ('marker' in line) {
        marker = line.marker;
        snapshot.signature = line.signature;
        // Built with another analyzer: the index reads as stale without reading the rest.
        if (line.signature !== this.engine.signature) return;
      } else (snapshot.tenants[line.tenant] ??= []).push(line.document);
    }
    if (marker !== undefined && this.engine.restore(snapshot)) await super.persist(marker);
  }
}

function* persistedLines(marker: string, snapshot: Bm25Snapshot): Iterable<PersistedLine> {
  yield { marker, signature: snapshot.signature };
  for (const [tenant, documents] of Object.entries(snapshot.tenants))
    for (const document of documents) yield { tenant, document };
}
