import { createEvent, type EventBus } from '@ragfleet/events';
import type { ChunkingOptions } from '../chunking/chunking.ts';
import type { Corpus } from '../index/corpus.ts';
import type { DocumentKey } from './derived-index.ts';
import type { IndexVersion } from './index-version.ts';
import type { MountedVersions, VersionsLogger } from './mounted-versions.ts';
import type { VersionCatalog } from './version-catalog.ts';

export const INDEX_VERSION_PROGRESS = 'retrieve.index_version.progress';

export interface ShadowBuildsOptions {
  source: Corpus;
  catalog: VersionCatalog;
  mounts: MountedVersions;
  bus: EventBus;
  progressSubject: string;
  /** Documents re-embedded per batch (one embed call each). */
  batchDocuments: number;
  logger: VersionsLogger;
  /** Called inside a catalog change once a build is ready (e.g. to move an alias that waited for it). */
  onReady: (id: number) => Promise<void>;
  now: () => Date;
}

/**
 * Shadow builds: a new derived version is filled from the corpus of record in batches while the
 * active one serves. Writes that race the scan reach it through its mount, so it ends complete.
 * A build stopped by close() stays `building` and resumes on the next start.
 */
export class ShadowBuilds {
  readonly #o: ShadowBuildsOptions;
  readonly #running = new Map<number, Promise<void>>();
  #stopping = false;

  constructor(options: ShadowBuildsOptions) {
    this.#o = options;
  }

  /** Adds a building version to the catalog, mounted, and starts filling it; call it inside a catalog change. */
  async create(id: number, model: string, chunking: ChunkingOptions): Promise<IndexVersion> {
    const { catalog, mounts } = this.#o;
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
    await mounts.mount(version);
    await catalog.save({ ...catalog.current, versions: [...catalog.current.versions, version] });
    this.start(version.id);
    return version;
  }

  /** Runs the build of a mounted `building` version in the background. */
  start(id: number): void {
    const build = this.#build(id).finally(() => this.#running.delete(id));
    this.#running.set(id, build);
  }

  /** Resolves when the version's build ends (at once when none runs). */
  async whenBuilt(id: number): Promise<void> {
    await this.#running.get(id);
  }

  /** Stops every build after its current batch. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.#running.values());
  }

  async #build(id: number): Promise<void> {
    const { source, catalog, mounts, logger } = this.#o;
    const derived = mounts.derived(id);
    if (!derived) return;
    try {
      const keys: DocumentKey[] = [];
      for await (const { tenant, document } of source.store.scanIndexable()) {
        keys.push({ tenant, documentId: document.id });
      }
      await catalog.update(id, { documentsTotal: keys.length, documentsDone: 0 });
      for (let from = 0; from < keys.length; from += this.#o.batchDocuments) {
        if (this.#stopping) return;
        const batch = keys.slice(from, from + this.#o.batchDocuments);
        await derived.sync(batch);
        await catalog.update(id, { documentsDone: from + batch.length });
        await this.#publishProgress(id);
      }
      await derived.corpus.persistIndex();
      await catalog.update(id, { state: 'ready' });
      logger.info({ id, documents: keys.length }, 'index version built');
      await catalog.change(() => this.#o.onReady(id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await catalog.update(id, { state: 'failed', error: message });
      mounts.unmount(id);
      logger.warn({ id, err: message }, 'index version build failed');
    }
    await this.#publishProgress(id);
  }

  async #publishProgress(id: number): Promise<void> {
    const version = this.#o.mounts.withCounts(this.#o.catalog.find(id));
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
}
