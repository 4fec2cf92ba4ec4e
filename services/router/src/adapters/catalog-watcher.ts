import { watch, watchFile, unwatchFile, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Catalog } from '../domain/catalog.ts';
import { parseCatalogText, readCatalogText } from './catalog-file.ts';

export type ReloadOutcome = 'loaded' | 'rejected' | 'unchanged';

export interface CatalogWatcherOptions {
  path: string;
  /** The poll fallback's interval: fs.watch misses changes on some filesystems (NFS, some mounts). */
  pollMs: number;
  onReload(outcome: 'loaded' | 'rejected', detail: { catalog?: Catalog; error?: Error }): void;
}

/**
 * The model catalog as last read well from its file. The file is watched (fs.watch on its
 * directory, so an editor's rename-and-replace is seen, plus a stat poll as a fallback); a change
 * that does not parse or validate is refused and the last good catalog stays in use.
 */
export class CatalogWatcher {
  readonly #options: CatalogWatcherOptions;
  #catalog: Catalog;
  /** The file's text as last seen, good or refused: watchers fire several times for one save. */
  #text: string;
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;

  /** Throws when the file is bad at start: the process must not start on a bad catalog. */
  constructor(options: CatalogWatcherOptions) {
    this.#options = options;
    this.#text = readCatalogText(options.path);
    this.#catalog = parseCatalogText(this.#text, options.path);
  }

  current(): Catalog {
    return this.#catalog;
  }

  start(): void {
    const { path, pollMs } = this.#options;
    try {
      this.#watcher = watch(dirname(path), (_event, file) => {
        if (file === null || file === basename(path)) this.#schedule();
      });
      this.#watcher.on('error', () => undefined);
    } catch {
      // No fs.watch here: the poll below still sees changes.
    }
    watchFile(path, { interval: pollMs, persistent: false }, () => this.#schedule());
  }

  stop(): void {
    this.#watcher?.close();
    unwatchFile(this.#options.path);
    if (this.#timer) clearTimeout(this.#timer);
  }

  /** Reads the file now; what the watchers call, and what tests call to avoid waiting on them. */
  reload(): ReloadOutcome {
    let text: string;
    let catalog: Catalog;
    try {
      text = readCatalogText(this.#options.path);
      // One save is seen by fs.watch and by the poll: the same text is one outcome, told once.
      if (text === this.#text) return 'unchanged';
      this.#text = text;
      catalog = parseCatalogText(text, this.#options.path);
    } catch (error) {
      this.#options.onReload('rejected', { error: error as Error });
      return 'rejected';
    }
    this.#catalog = catalog;
    this.#options.onReload('loaded', { catalog });
    return 'loaded';
  }

  // An editor writes in several steps: read once things settle rather than mid-write.
  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.reload();
    }, 50);
    this.#timer.unref();
  }
}
