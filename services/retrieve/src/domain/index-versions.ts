import { RagfleetError } from '@ragfleet/errors';
import { createEvent, type EventBus } from '@ragfleet/events';
import type { ChunkingOptions } from './chunking.ts';
import type { Corpus, CorpusChange } from './corpus.ts';
import { DerivedIndex, type DocumentKey } from './derived-index.ts';
import type { Embedder } from './embedder.ts';
import type { IndexCatalog, IndexCatalogStore, IndexVersion } from './index-version.ts';
import type { SearchRequest, SearchResult } from './search-service.ts';
import { SerialQueue } from './serial-queue.ts';
import { judgeCutover, type LabeledSet, type Searcher } from './version-gate.ts';

export const INDEX_VERSION_PROGRESS = 'retrieve.index_version.progress';
export const INDEX_VERSION_ACTIVATED = 'retrieve.index_version.activated';

export interface VersionsLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

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

export interface ActivationResult {
  version: IndexVersion;
  activated: boolean;
  forced: boolean;
  /** Both 0 when forced without a labeled set. */
  candidateNdcg10: number;
  activeNdcg10: number;
}

/**
 * What other replicas must repeat to hold the same versions: a build (each replica builds from its
 * own corpus) and an alias move (already judged by the gate where it was asked for).
 */
export type VersionCommand =
  | { kind: 'build'; id: number; model: string; chunking: ChunkingOptions }
  | { kind: 'alias'; active: number; previous: number };

interface Mounted {
  searcher: Searcher;
  corpus: Corpus;
  derived?: DerivedIndex;
}

/**
 * The index versions and the alias `active` that search reads through. A shadow build fills a new
 * derived version from the corpus of record while the active one serves; every later write reaches
 * each version that is not retired (so the build is complete and a rollback target stays current);
 * activation is gated on a labeled set and is one atomic catalog write.
 */
export class IndexVersions implements Searcher {
  readonly #o: Required<IndexVersionsOptions>;
  readonly #mounted = new Map<number, Mounted>();
  readonly #catalogWrites = new SerialQueue();
  readonly #builds = new Map<number, Promise<void>>();
  #catalog: IndexCatalog;
  #closing = false;
  readonly #commandListeners: Array<(command: VersionCommand) => Promise<void>> = [];

  private constructor(options: Required<IndexVersionsOptions>, catalog: IndexCatalog) {
    this.#o = options;
    this.#catalog = catalog;
  }

  /** Loads the catalog; a data dir from before versions existed becomes version 1, active. */
  static async open(options: IndexVersionsOptions): Promise<IndexVersions> {
    const o = { now: () => new Date(), ...options };
    let catalog = await o.catalog.load();
    if (!catalog) {
      catalog = {
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
      };
      await o.catalog.save(catalog);
    }
    const versions = new IndexVersions(o, catalog);
    versions.#mounted.set(1, {
      corpus: o.source,
      searcher: o.searcherFor(o.source, o.sourceEmbedder),
    });
    for (const version of catalog.versions) {
      if (version.id === 1 || version.state === 'retired' || version.state === 'failed') continue;
      await versions.#mount(version);
      if (version.state === 'building') versions.#startBuild(version.id);
    }
    o.source.onChange((change) => versions.#follow(change));
    return versions;
  }

  list(): IndexVersion[] {
    return this.#catalog.versions.map((version) => this.#withCounts(version));
  }

  /** Every version with the alias and the rollback target. */
  catalog(): IndexCatalog {
    return { versions: this.list(), active: this.#catalog.active, previous: this.#catalog.previous };
  }

  get(id: number): IndexVersion {
    return this.#withCounts(this.#find(id));
  }

  /** Search through the alias. */
  query(tenant: string, request: SearchRequest): Promise<SearchResult> {
    return this.#searcher(this.#catalog.active).query(tenant, request);
  }

  /** Starts a shadow build and returns at once; progress is read with get() and published. */
  async build(request: BuildRequest): Promise<IndexVersion> {
    const version = await this.#catalogWrites.run(async () => {
      const running = this.#catalog.versions.find((version) => version.state === 'building');
      if (running) {
        throw new RagfleetError('FAILED_PRECONDITION', `index version ${running.id} is still building`);
      }
      const id = Math.max(...this.#catalog.versions.map((v) => v.id)) + 1;
      return this.#create(id, this.#o.embedderFor(request.model).model, request.chunking);
    });
    await this.#announce({ kind: 'build', id: version.id, model: version.model, chunking: version.chunking });
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
    return this.#catalogWrites.run(async () => {
      const known = this.#catalog.versions.find(
        (version) => version.id === (command.kind === 'build' ? command.id : command.active),
      );
      if (command.kind === 'build') {
        if (!known) await this.#create(command.id, command.model, command.chunking);
        return;
      }
      if (command.active === this.#catalog.active && command.previous === this.#catalog.previous) return;
      if (known?.state === 'building') {
        await this.#save({
          ...this.#catalog,
          pending: { active: command.active, previous: command.previous },
        });
      } else if (known && (known.state === 'ready' || known.state === 'active' || known.id === 1)) {
        await this.#setAlias(command.active, command.previous);
      } else {
        this.#o.logger.warn(
          { command, state: known?.state },
          'index alias move skipped: version not servable here',
        );
      }
    });
  }

  async #create(id: number, model: string, chunking: ChunkingOptions): Promise<IndexVersion> {
    const version: IndexVersion = {
      id,
      model,
      chunking,
      state: 'building',
      createdAt: this.#o.now().toISOString(),
      documentsDone: 0,
      documentsTotal: 0,
      chunks: 0,
      error: '',
    };
    await this.#mount(version);
    await this.#save({ ...this.#catalog, versions: [...this.#catalog.versions, version] });
    this.#startBuild(version.id);
    return version;
  }

  async #announce(command: VersionCommand): Promise<void> {
    for (const listener of this.#commandListeners) await listener(command);
  }

  /** Resolves when the version's build ends (at once when none runs). */
  async whenBuilt(id: number): Promise<IndexVersion> {
    await this.#builds.get(id);
    return this.get(id);
  }

  /**
   * Points the alias at a ready version if it scores no worse than the active one (within the
   * tolerance) on the labeled set; `force` skips the gate. The previous active version stays in
   * step as the rollback target; the one before it is retired.
   */
  async activate(id: number, options: { force: boolean; labeled?: LabeledSet }): Promise<ActivationResult> {
    const result = await this.#catalogWrites.run(async () => {
      const candidate = this.#find(id);
      if (id === this.#catalog.active) {
        throw new RagfleetError('FAILED_PRECONDITION', `index version ${id} is already active`);
      }
      if (candidate.state !== 'ready') {
        throw new RagfleetError(
          'FAILED_PRECONDITION',
          `index version ${id} is ${candidate.state}, not ready`,
        );
      }
      const labeled = options.labeled && options.labeled.queries.length > 0 ? options.labeled : undefined;
      if (!labeled && !options.force) {
        throw new RagfleetError(
          'INVALID_ARGUMENT',
          'activation is judged on a labeled set: give queries with relevant documents, or force',
        );
      }
      const verdict = labeled
        ? await judgeCutover(
            this.#searcher(id),
            this.#searcher(this.#catalog.active),
            labeled,
            this.#o.tolerance,
          )
        : { pass: true, candidateNdcg10: 0, activeNdcg10: 0 };
      const activated = verdict.pass || options.force;
      if (activated) await this.#setAlias(id, this.#catalog.active);
      this.#o.logger.info(
        { id, ...verdict, forced: options.force, activated },
        'index version cutover judged',
      );
      return {
        version: this.get(id),
        activated,
        forced: options.force && !verdict.pass,
        candidateNdcg10: verdict.candidateNdcg10,
        activeNdcg10: verdict.activeNdcg10,
      };
    });
    if (result.activated) await this.#announceAlias();
    return result;
  }

  #announceAlias(): Promise<void> {
    return this.#announce({ kind: 'alias', active: this.#catalog.active, previous: this.#catalog.previous });
  }

  /** Points the alias back at the previous version: nothing is rebuilt, it was kept in step. */
  async rollback(): Promise<IndexVersion> {
    const version = await this.#catalogWrites.run(async () => {
      const previous = this.#catalog.previous;
      if (previous === 0)
        throw new RagfleetError('FAILED_PRECONDITION', 'there is no previous index version');
      await this.#setAlias(previous, this.#catalog.active);
      return this.get(previous);
    });
    await this.#announceAlias();
    return version;
  }

  /**
   * Stops a running build where it is (it resumes on the next start: it stays `building`), then
   * writes every derived version's indexes to disk and closes their stores.
   */
  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#builds.values());
    for (const [id, mounted] of this.#mounted) {
      if (id === 1) continue;
      await mounted.corpus.persistIndex();
      await mounted.corpus.store.close();
    }
  }

  /** Moves the alias; a version that is neither the new active nor the new previous one is retired. */
  async #setAlias(active: number, previous: number): Promise<void> {
    const from = this.#catalog.active;
    const retire = [from, this.#catalog.previous].filter(
      (id) => id !== 0 && id !== active && id !== previous,
    );
    const versions = this.#catalog.versions.map((version): IndexVersion => {
      if (version.id === active) return { ...version, state: 'active' };
      if (version.id === previous) return { ...version, state: 'ready' };
      if (retire.includes(version.id)) return { ...version, state: 'retired' };
      return version;
    });
    await this.#save({ versions, active, previous });
    for (const id of retire) if (id !== 1) this.#mounted.delete(id);
    await this.#o.bus.publish(
      this.#o.activatedSubject,
      createEvent({
        type: INDEX_VERSION_ACTIVATED,
        source: 'retrieve',
        tenant: '',
        data: { id: active, previous: from },
      }),
    );
  }

  async #mount(version: IndexVersion): Promise<void> {
    const corpus = await this.#o.openCorpus(version.id);
    await corpus.recover(this.#o.logger);
    const embedder = this.#o.embedderFor(version.model);
    const derived = new DerivedIndex(this.#o.source.store, corpus, embedder, version.chunking);
    this.#mounted.set(version.id, { corpus, derived, searcher: this.#o.searcherFor(corpus, embedder) });
  }

  /** Every write to the source reaches each derived version still mounted (building ones included). */
  async #follow(change: CorpusChange): Promise<void> {
    for (const mounted of this.#mounted.values()) await mounted.derived?.sync([change]);
  }

  #startBuild(id: number): void {
    const build = this.#build(id).finally(() => this.#builds.delete(id));
    this.#builds.set(id, build);
  }

  async #build(id: number): Promise<void> {
    const derived = this.#mounted.get(id)?.derived;
    if (!derived) return;
    try {
      const keys: DocumentKey[] = [];
      for await (const { tenant, document } of this.#o.source.store.scanIndexable()) {
        keys.push({ tenant, documentId: document.id });
      }
      await this.#update(id, { documentsTotal: keys.length, documentsDone: 0 });
      for (let from = 0; from < keys.length; from += this.#o.batchDocuments) {
        if (this.#closing) return;
        const batch = keys.slice(from, from + this.#o.batchDocuments);
        await derived.sync(batch);
        await this.#update(id, { documentsDone: from + batch.length });
        await this.#publishProgress(id);
      }
      await derived.corpus.persistIndex();
      await this.#update(id, { state: 'ready' });
      this.#o.logger.info({ id, documents: keys.length }, 'index version built');
      await this.#catalogWrites.run(async () => {
        const pending = this.#catalog.pending;
        if (pending?.active === id) await this.#setAlias(pending.active, pending.previous);
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.#update(id, { state: 'failed', error: message });
      this.#mounted.delete(id);
      this.#o.logger.warn({ id, err: message }, 'index version build failed');
    }
    await this.#publishProgress(id);
  }

  #update(id: number, fields: Partial<IndexVersion>): Promise<void> {
    return this.#catalogWrites.run(() =>
      this.#save({
        ...this.#catalog,
        versions: this.#catalog.versions.map((version) =>
          version.id === id ? { ...version, ...fields } : version,
        ),
      }),
    );
  }

  async #publishProgress(id: number): Promise<void> {
    const version = this.get(id);
    try {
      await this.#o.bus.publish(
        this.#o.progressSubject,
        createEvent({
          id: `index-version-${id}-${version.state}-${version.documentsDone}`,
          type: INDEX_VERSION_PROGRESS,
          source: 'retrieve',
          tenant: '',
          data: version,
        }),
      );
    } catch (error) {
      // Progress is also readable with GetIndexVersion: a lost event must not fail the build.
      this.#o.logger.warn(
        { id, err: error instanceof Error ? error.message : String(error) },
        'progress event lost',
      );
    }
  }

  async #save(catalog: IndexCatalog): Promise<void> {
    await this.#o.catalog.save(catalog);
    this.#catalog = catalog;
  }

  #find(id: number): IndexVersion {
    const version = this.#catalog.versions.find((v) => v.id === id);
    if (!version) {
      throw new RagfleetError('NOT_FOUND', `index version ${id} not found`, { details: { field: 'id' } });
    }
    return version;
  }

  #searcher(id: number): Searcher {
    const mounted = this.#mounted.get(id);
    if (!mounted) throw new RagfleetError('FAILED_PRECONDITION', `index version ${id} is not loaded`);
    return mounted.searcher;
  }

  #withCounts(version: IndexVersion): IndexVersion {
    const mounted = this.#mounted.get(version.id);
    return { ...version, chunks: mounted ? mounted.corpus.index.size : version.chunks };
  }
}
