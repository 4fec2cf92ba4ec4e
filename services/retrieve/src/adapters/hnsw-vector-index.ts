import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonIfPresent, writeJsonDurably } from '@ragfleet/durable-json';
import {
  dimensionMismatch,
  type IndexEntry,
  type IndexFilter,
  type IndexHit,
  type PersistentVectorIndex,
} from '../domain/index/vector-index.ts';
import { TenantGraph, type PersistedTenant, type TenantGraphSettings } from './hnsw-tenant-graph.ts';

export interface HnswOptions {
  m: number;
  efConstruction: number;
  efSearch: number;
  /** Capacity each tenant's graph is allocated with first; it doubles whenever it fills. */
  initialCapacity?: number;
}

/**
 * meta.json: everything but the graphs, written after the graph files it names. `layout` 2 is one
 * graph per tenant; the layout before it (one graph for all tenants, no `layout` field) is not
 * read: such an index opens empty and without a marker, so the corpus rebuilds it from the store.
 */
interface PersistedMeta {
  layout: typeof LAYOUT;
  marker: string;
  dimensions: number;
  tenants: Record<string, PersistedTenant>;
}

const META = 'meta.json';
const LAYOUT = 2;

/**
 * HNSW over chunk vectors, one graph per tenant (see TenantGraph): a search only ever walks its
 * own tenant's graph, metadata filters apply inside it, so a selective filter still yields k hits.
 * Every tenant's vectors have the index's dimensions (one embedding model). Persisted as one graph
 * file per tenant + meta.json naming them, written atomically; a tenant unchanged since the last
 * snapshot keeps its file.
 */
export class HnswVectorIndex implements PersistentVectorIndex {
  readonly #dir: string;
  readonly #options: Required<HnswOptions>;
  #dimensions = 0;
  #marker: string | undefined;
  readonly #tenants = new Map<string, TenantGraph>();

  private constructor(dir: string, options: HnswOptions) {
    this.#dir = dir;
    this.#options = { initialCapacity: 64, ...options };
  }

  /** Opens the index persisted under `dir`, or an empty one; check `marker` against the store. */
  static async open(dir: string, options: HnswOptions): Promise<HnswVectorIndex> {
    const index = new HnswVectorIndex(dir, options);
    await mkdir(dir, { recursive: true });
    await index.#load();
    return index;
  }

  get marker(): string | undefined {
    return this.#marker;
  }

  get size(): number {
    let size = 0;
    for (const graph of this.#tenants.values()) size += graph.size;
    return size;
  }

  async upsertDocument(tenant: string, documentId: string, entries: IndexEntry[]): Promise<void> {
    this.#delete(tenant, documentId);
    if (entries.length === 0) return;
    if (this.#dimensions === 0) this.#dimensions = entries[0]?.vector.length ?? 0;
    for (const entry of entries) this.#checkDimensions(entry.vector);
    let graph = this.#tenants.get(tenant);
    if (!graph) this.#tenants.set(tenant, (graph = TenantGraph.create(this.#settings(), entries.length)));
    graph.add(documentId, entries);
  }

  async deleteDocument(tenant: string, documentId: string): Promise<number> {
    return this.#delete(tenant, documentId);
  }

  #delete(tenant: string, documentId: string): number {
    const graph = this.#tenants.get(tenant);
    if (!graph) return 0;
    const removed = graph.delete(documentId);
    // A tenant with nothing left gives its graph's memory back.
    if (graph.size === 0) this.#tenants.delete(tenant);
    return removed;
  }

  async search(tenant: string, vector: number[], k: number, filter: IndexFilter = {}): Promise<IndexHit[]> {
    const graph = this.#tenants.get(tenant);
    if (!graph || k <= 0) return [];
    this.#checkDimensions(vector);
    return graph.search(vector, k, filter);
  }

  async clear(): Promise<void> {
    this.#dimensions = 0;
    this.#marker = undefined;
    this.#tenants.clear();
  }

  /** Writes changed graphs to new files, then meta.json naming them (temp + rename), then drops the rest. */
  async persist(marker: string): Promise<void> {
    const tenants: Record<string, PersistedTenant> = {};
    for (const [tenant, graph] of this.#tenants) tenants[tenant] = await graph.write(this.#dir);
    const meta: PersistedMeta = { layout: LAYOUT, marker, dimensions: this.#dimensions, tenants };
    await writeJsonDurably(join(this.#dir, META), meta);
    this.#marker = marker;
    await this.#removeStaleFiles(new Set(Object.values(tenants).map((persisted) => persisted.graphFile)));
  }

  async #load(): Promise<void> {
    const meta = await readJsonIfPresent<PersistedMeta | { layout?: undefined }>(join(this.#dir, META));
    if (meta?.layout !== LAYOUT) return;
    this.#dimensions = meta.dimensions;
    for (const [tenant, persisted] of Object.entries(meta.tenants)) {
      this.#tenants.set(tenant, await TenantGraph.load(this.#settings(), this.#dir, persisted));
    }
    this.#marker = meta.marker;
  }

  async #removeStaleFiles(current: Set<string>): Promise<void> {
    for (const name of await readdir(this.#dir)) {
      const staleGraph = name.startsWith('graph-') && !current.has(name);
      if (staleGraph || name.endsWith('.tmp')) await rm(join(this.#dir, name), { force: true });
    }
  }

  #settings(): TenantGraphSettings {
    return { ...this.#options, dimensions: this.#dimensions };
  }

  #checkDimensions(vector: number[]): void {
    if (vector.length !== this.#dimensions) throw dimensionMismatch(this.#dimensions, vector.length);
  }
}
