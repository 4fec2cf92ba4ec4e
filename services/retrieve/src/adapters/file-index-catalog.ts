import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { IndexCatalog, IndexCatalogStore } from '../domain/versions/index-version.ts';
import { readJsonIfPresent, writeJsonDurably } from '@ragfleet/durable-json';

/**
 * The version catalog as one JSON file beside the indexes. It is replaced durably (temporary
 * file, rename, directory sync), so a cutover is atomic: a crash leaves either alias, never half of one.
 */
export class FileIndexCatalog implements IndexCatalogStore {
  readonly #path: string;

  constructor(dir: string) {
    this.#path = join(dir, 'index-versions.json');
  }

  load(): Promise<IndexCatalog | undefined> {
    return readJsonIfPresent<IndexCatalog>(this.#path);
  }

  async save(catalog: IndexCatalog): Promise<void> {
    await mkdir(dirname(this.#path), { recursive: true });
    await writeJsonDurably(this.#path, catalog);
  }
}
