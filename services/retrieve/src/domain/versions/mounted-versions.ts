import { RagfleetError } from '@ragfleet/errors';
import type { Corpus, CorpusChange } from '../index/corpus.ts';
import type { Embedder } from '../index/embedder.ts';
import { DerivedIndex } from './derived-index.ts';
import type { IndexVersion } from './index-version.ts';
import type { Searcher } from './version-gate.ts';

export interface VersionsLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

export interface MountedVersionsOptions {
  /** The corpus of record (version 1): ingest writes here, derived versions follow it. */
  source: Corpus;
  sourceEmbedder: Embedder;
  /** Opens (creating when new) the store and indexes of a derived version. */
  openCorpus: (id: number) => Promise<Corpus>;
  embedderFor: (model: string) => Embedder;
  searcherFor: (corpus: Corpus, embedder: Embedder) => Searcher;
  logger: VersionsLogger;
}

interface Mounted {
  searcher: Searcher;
  corpus: Corpus;
  derived?: DerivedIndex;
}

/**
 * The versions open in this process: version 1 (the corpus of record) and every derived one that
 * is neither retired nor failed, each with its searcher. Every write to the source reaches each
 * derived version still mounted, so a build is complete and a rollback target stays current.
 */
export class MountedVersions {
  readonly #o: MountedVersionsOptions;
  readonly #mounted = new Map<number, Mounted>();

  constructor(options: MountedVersionsOptions) {
    this.#o = options;
    this.#mounted.set(1, {
      corpus: options.source,
      searcher: options.searcherFor(options.source, options.sourceEmbedder),
    });
    options.source.onChange((change) => this.#follow(change));
  }

  /** Opens a derived version's corpus (rebuilding its indexes if stale) with its model's embedder. */
  async mount(version: IndexVersion): Promise<void> {
    const corpus = await this.#o.openCorpus(version.id);
    await corpus.recover(this.#o.logger);
    const embedder = this.#o.embedderFor(version.model);
    const derived = new DerivedIndex(this.#o.source.store, corpus, embedder, version.chunking);
    this.#mounted.set(version.id, { corpus, derived, searcher: this.#o.searcherFor(corpus, embedder) });
  }

  /** Stops serving and following a derived version (version 1 always stays). */
  unmount(id: number): void {
    if (id !== 1) this.#mounted.delete(id);
  }

  derived(id: number): DerivedIndex | undefined {
    return this.#mounted.get(id)?.derived;
  }

  searcher(id: number): Searcher {
    const mounted = this.#mounted.get(id);
    if (!mounted) throw new RagfleetError('FAILED_PRECONDITION', `index version ${id} is not loaded`);
    return mounted.searcher;
  }

  /** The version with the chunk count of its index when it is mounted. */
  withCounts(version: IndexVersion): IndexVersion {
    const mounted = this.#mounted.get(version.id);
    return { ...version, chunks: mounted ? mounted.corpus.index.size : version.chunks };
  }

  /** Writes every derived version's indexes to disk and closes their stores. */
  async close(): Promise<void> {
    for (const [id, mounted] of this.#mounted) {
      if (id === 1) continue;
      await mounted.corpus.persistIndex();
      await mounted.corpus.store.close();
    }
  }

  async #follow(change: CorpusChange): Promise<void> {
    for (const mounted of this.#mounted.values()) await mounted.derived?.sync([change]);
  }
}
