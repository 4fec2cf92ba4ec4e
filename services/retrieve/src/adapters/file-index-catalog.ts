import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { IndexCatalog, IndexCatalogStore } from '../domain/index-version.ts';

/**
 * The version catalog as one JSON file beside the indexes. It is written to a temporary file and
 * renamed over the old one, so a cutover is atomic: a crash leaves either alias, never half of one.
 */
export class FileIndexCatalog implements IndexCatalogStore {
  readonly #path: string;

  constructor(dir: string) {
    this.#path = join(dir, 'index-versions.json');
  }

  async load(): Promise<IndexCatalog | undefined> {
    try {
      return JSON.parse(await readFile(this.#path, 'utf8')) as IndexCatalog;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async save(catalog: IndexCatalog): Promise<void> {
    await mkdir(dirname(this.#path), { recursive: true });
    const temporary = `${this.#path}.tmp`;
    await writeFile(temporary, JSON.stringify(catalog, null, 2));
    await rename(temporary, this.#path);
  }
}
