import { RagfleetError } from '@ragfleet/errors';
import { SerialQueue } from '../index/serial-queue.ts';
import type { IndexCatalog, IndexCatalogStore, IndexVersion } from './index-version.ts';

/**
 * The catalog in memory, written through to its store. Every read-modify-write runs inside
 * change(), one at a time, so a build's progress and an alias move never overwrite each other.
 */
export class VersionCatalog {
  readonly #store: IndexCatalogStore;
  readonly #changes = new SerialQueue();
  #current: IndexCatalog;

  private constructor(store: IndexCatalogStore, current: IndexCatalog) {
    this.#store = store;
    this.#current = current;
  }

  /** Loads the stored catalog, or stores `initial()` when there is none yet. */
  static async load(store: IndexCatalogStore, initial: () => IndexCatalog): Promise<VersionCatalog> {
    let catalog = await store.load();
    if (!catalog) {
      catalog = initial();
      await store.save(catalog);
    }
    return new VersionCatalog(store, catalog);
  }

  get current(): IndexCatalog {
    return this.#current;
  }

  /** Runs the task after every change asked for before it. */
  change<T>(task: () => Promise<T>): Promise<T> {
    return this.#changes.run(task);
  }

  /** Stores a new catalog; call it inside change(). */
  async save(catalog: IndexCatalog): Promise<void> {
    await this.#store.save(catalog);
    this.#current = catalog;
  }

  /** Changes one version's fields (in its own change). */
  update(id: number, fields: Partial<IndexVersion>): Promise<void> {
    return this.change(() =>
      this.save({
        ...this.#current,
        versions: this.#current.versions.map((version) =>
          version.id === id ? { ...version, ...fields } : version,
        ),
      }),
    );
  }

  find(id: number): IndexVersion {
    const version = this.#current.versions.find((v) => v.id === id);
    if (!version) {
      throw new RagfleetError('NOT_FOUND', `index version ${id} not found`, { details: { field: 'id' } });
    }
    return version;
  }
}
