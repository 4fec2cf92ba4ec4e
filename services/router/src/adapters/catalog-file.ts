import { readFileSync } from 'node:fs';
import { parseCatalog, type Catalog } from '../domain/catalog.ts';

/** Reads and validates the catalog file; throws (CatalogError or a read error) naming the file. */
export function loadCatalogFile(path: string): Catalog {
  return parseCatalogText(readCatalogText(path), path);
}

export function readCatalogText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read model catalog ${path}: ${(error as Error).message}`, { cause: error });
  }
}

export function parseCatalogText(text: string, path: string): Catalog {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`cannot read model catalog ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseCatalog(document, path);
}
