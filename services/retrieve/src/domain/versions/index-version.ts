import type { ChunkingOptions } from '../chunking/chunking.ts';

export const INDEX_VERSION_STATES = ['building', 'ready', 'active', 'retired', 'failed'] as const;
export type IndexVersionState = (typeof INDEX_VERSION_STATES)[number];

/**
 * One index (vector + keyword) bound to the embedding model and the chunking that produced it.
 * Version 1 holds the corpus of record (ingest writes to it); later versions are derived from it.
 */
export interface IndexVersion {
  id: number;
  /** The embedding model; '' is the embed service's default. */
  model: string;
  chunking: ChunkingOptions;
  state: IndexVersionState;
  /** RFC 3339. */
  createdAt: string;
  /** Build progress: documents re-chunked and re-embedded out of those in the corpus at its start. */
  documentsDone: number;
  documentsTotal: number;
  /** Chunks in the version's index. */
  chunks: number;
  /** Why the build failed. */
  error: string;
}

/** The persisted catalog: every version and the alias search reads through. */
export interface IndexCatalog {
  versions: IndexVersion[];
  /** The alias `active`. */
  active: number;
  /** The version a rollback returns to; 0 when there is none. */
  previous: number;
  /** An alias move another replica made, waiting here for the end of its version's build. */
  pending?: { active: number; previous: number };
}

/** Where the catalog lives; saving must be atomic, since it is the cutover itself. */
export interface IndexCatalogStore {
  load(): Promise<IndexCatalog | undefined>;
  save(catalog: IndexCatalog): Promise<void>;
}
