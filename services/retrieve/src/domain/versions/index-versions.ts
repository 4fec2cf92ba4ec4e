import { RagfleetError } from '@ragfleet/errors';
import type { EventBus } from '@ragfleet/events';
import type { ChunkingOptions } from '../chunking/chunking.ts';
import type { Corpus } from '../index/corpus.ts';
import type { Embedder } from '../index/embedder.ts';
import type { SearchRequest, SearchResult } from '../search/search-service.ts';
import { AliasMoves, type ActivationResult } from './alias-moves.ts';
import type { IndexCatalog, IndexCatalogStore, IndexVersion } from './index-version.ts';
import { MountedVersions, type VersionsLogger } from './mounted-versions.ts';
import { ShadowBuilds } from './shadow-build.ts';
import { VersionCatalog } from './version-catalog.ts';
import type { LabeledSet, Searcher } from './version-gate.ts';

export { INDEX_VERSION_ACTIVATED, type ActivationResult } from './alias-moves.ts';
export { INDEX_VERSION_PROGRESS } from './shadow-build.ts';
export type { VersionsLogger } from './mounted-versions.ts';

export interface IndexVersionsOptions {
  /** The corpus of record (version 1): ingest writes here, derived versions follow it. */
  source: Corpus;
  sourceEmbedder: Embedder;
  sourceChunking: ChunkingOptions;
  catalog: IndexCatalogStore;
  /** Opens (creating when new) the store and indexes of a derived version. */
  openCorpus: (id: number) => Promise<Corpus>;
  embedderFor: (model: string) => Embedder;
  searcherFor: (corpus: Corpus, embedder: Embedder) => Searcher;
  bus: EventBus;
  progressSubject: string;
  activatedSubject: string;
  /** Candidate nDCG@10 may fall below the active version's by at most this much. */
  tolerance: number;
  /** Documents re-embedded per batch (one embed call each). */
  batchDocuments: number;
  logger: VersionsLogger;
  now?: () => Date;
}

export interface BuildRequest {
  model: string;
  chunking: ChunkingOptions;
}

/**
 * What other replicas must repeat to hold the same versions: a build (each replica builds from its
 * own corpus) and an alias move (already judged by the gate where it was asked for).
 */
export type VersionCommand =
  | { kind: 'build'; id: number; model: string; chunking: ChunkingOptions }
  | { kind: 'alias'; active: number; previous: number };

/**
 * The index versions and the alias `active` that search reads through: shadow builds
 * (shadow-build.ts) and alias moves (alias-moves.ts) over one catalog, each asked of this replica
 * announced to the others (onCommand) and each of theirs repeated here (apply).
 */
export class IndexVersions implements Searcher {
  readonly #catalog: VersionCatalog;
  readonly #mounts: MountedVersions;
  readonly #builds: ShadowBuilds;
  readonly #aliases: AliasMoves;
  readonly #embedderFor: (model: string) => Embedder;
  readonly #commandListeners: Array<(command: VersionCommand) => Promise<void>> = [];

  private constructor(
    catalog: VersionCatalog,
    mounts: MountedVersions,
    options: IndexVersionsOptions & { now: () => Date },
  ) {
    this.#catalog = catalog;
    this.#mounts = mounts;
    this.#embedderFor = options.embedderFor;
    this.#aliases = new AliasMoves({ ...options, catalog, mounts });
    this.#builds = new ShadowBuilds({
      ...options,
      catalog,
      mounts,
      onReady: (id) => this.#aliases.onReady(id),
    });
  }

  /** Loads the catalog; a data dir from before versions existed becomes version 1, active. */
  static async open(options: IndexVersionsOptions): Promise<IndexVersions> {
    const o = { now: () => new Date(), ...options };
    const catalog = await VersionCatalog.load(o.catalog, () => ({
      versions: [
        {
          id: 1,
          model: o.sourceEmbedder.model,
          chunking: o.sourceChunking,
          state: 'active',
          createdAt: o.now().toISOString(),
          documentsDone: 0,
          documentsTotal: 0,
          chunks: o.source.index.size,
          error: '',
        },
      ],
      active: 1,
      previous: 0,
    }));
    const mounts = new MountedVersions(o);
    const versions = new IndexVersions(catalog, mounts, o);
    for (const version of catalog.current.versions) {
      if (version.id === 1 || version.state === 'retired' || version.state === 'failed') continue;
      await mounts.mount(version);
      if (version.state === 'building') versions.#builds.start(version.id);
    }
    return versions;
  }

  list(): IndexVersion[] {
    return this.#catalog.current.versions.map((version) => this.#mounts.withCounts(version));
  }

  /** Every version with the alias and the rollback target. */
  catalog(): IndexCatalog {
    const { active, previous } = this.#catalog.current;
    return { versions: this.list(), active, previous };
  }

  get(id: number): IndexVersion {
    return this.#mounts.withCounts(this.#catalog.find(id));
  }

  /** Search through the alias. */
  query(tenant: string, request: SearchRequest): Promise<SearchResult> {
    return this.#mounts.searcher(this.#catalog.current.active).query(tenant, request);
  }

  /** Starts a shadow build and returns at once; progress is read with get() and published. */
  async build(request: BuildRequest): Promise<IndexVersion> {
    const version = await this.#catalog.change(async () => {
      const { versions } = this.#catalog.current;
      const running = versions.find((version) => version.state === 'building');
      if (running) {
        throw new RagfleetError('FAILED_PRECONDITION', `index version ${running.id} is still building`);
      }
      const id = Math.max(...versions.map((v) => v.id)) + 1;
      return this.#builds.create(id, this.#embedderFor(request.model).model, request.chunking);
    });
    await this.#announce({ kind: 'build', id: version.id, model: version.model, chunking: version.chunking });
    return version;
  }

  /** Resolves when the version's build ends (at once when none runs). */
  async whenBuilt(id: number): Promise<IndexVersion> {
    await this.#builds.whenBuilt(id);
    return this.get(id);
  }

  /**
   * Points the alias at a ready version if it scores no worse than the active one (within the
   * tolerance) on the labeled set; `force` skips the gate.
   */
  async activate(id: number, options: { force: boolean; labeled?: LabeledSet }): Promise<ActivationResult> {
    const result = await this.#catalog.change(() => this.#aliases.activate(id, options));
    if (result.activated) await this.#announceAlias();
    return result;
  }

  /** Points the alias back at the previous version. */
  async rollback(): Promise<IndexVersion> {
    const version = await this.#catalog.change(() => this.#aliases.rollback());
    await this.#announceAlias();
    return version;
  }

  /** Lets replication hear of every build and alias move asked of this replica. */
  onCommand(listener: (command: VersionCommand) => Promise<void>): void {
    this.#commandListeners.push(listener);
  }

  /**
   * Repeats a build or an alias move asked of some replica (this one included: then it is already
   * done). An alias move to a version still building here waits for the end of its build.
   */
  apply(command: VersionCommand): Promise<void> {
    return this.#catalog.change(async () => {
      if (command.kind === 'alias') return this.#aliases.repeat(command.active, command.previous);
      const known = this.#catalog.current.versions.some((version) => version.id === command.id);
      if (!known) await this.#builds.create(command.id, command.model, command.chunking);
    });
  }

  /**
   * Stops a running build where it is (it resumes on the next start: it stays `building`), then
   * writes every derived version's indexes to disk and closes their stores.
   */
  async close(): Promise<void> {
    await this.#builds.stop();
    await this.#mounts.close();
  }

  async #announce(command: VersionCommand): Promise<void> {
    for (const listener of this.#commandListeners) await listener(command);
  }

  #announceAlias(): Promise<void> {
    const { active, previous } = this.#catalog.current;
    return this.#announce({ kind: 'alias', active, previous });
  }
}
