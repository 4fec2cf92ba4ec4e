import { readFileSync } from 'node:fs';
import { parseCatalog, type Catalog } from '../domain/catalog.ts';

/** Reads and validates the catalog at start-up, so a bad file stops the process before it listens. */
export function loadCatalogFile(path: string): Catalog {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read model catalog ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseCatalog(document, path);
}
