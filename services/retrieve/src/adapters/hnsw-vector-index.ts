import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { RagfleetError } from '@ragfleet/errors';
import { documentPredicate } from '../domain/index/search-filter.ts';
import type {
  IndexEntry,
  IndexFilter,
  IndexHit,
  PersistentVectorIndex,
} from '../domain/index/vector-index.ts';
import { readJsonIfPresent, writeJsonDurably } from '@ragfleet/durable-json';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export interface HnswOptions {
  m: number;
  efConstruction: number;
  efSearch: number;
  /** Capacity allocated first; it doubles whenever it fills. */
  initialCapacity?: number;
}

/** One indexed document: its chunks' labels share one metadata object. */
interface DocumentLabels {
  documentId: string;
  metadata: Record<string, string>;
  /** [label, chunk id] pairs. */
  labels: Array<[number, string]>;
}

interface LabelOwner {
  tenant: string;
  document: DocumentLabels;
  chunkId: string;
}

/** meta.json: everything but the graph, written after the graph file it names. */
interface PersistedMeta {
  marker: string;
  dimensions: number;
  nextLabel: number;
  graphFile: string | undefined;
  tenants: Record<string, DocumentLabels[]>;
}

const META = 'meta.json';

/**
 * HNSW (hnswlib-node, cosine) over chunk vectors. hnswlib knows numeric labels only; this class
 * maps them to chunks and applies tenant and metadata filters inside the graph search (the filter
 * callback), so a selective filter still yields k hits. Replaced and deleted chunks are
 * mark-deleted and their slots reused. Persisted as graph file + meta.json, written atomically.
 */
export class HnswVectorIndex implements PersistentVectorIndex {
  readonly #dir: string;
  readonly #options: Required<HnswOptions>;
  #graph: Hnsw | undefined;
  #dimensions = 0;
  #nextLabel = 0;
  #marker: string | undefined;
  #graphFile: string | undefined;
  readonly #owners = new Map<number, LabelOwner>();
  readonly #tenants = new Map<string, Map<string, DocumentLabels>>();

  private constructor(dir: string, options: HnswOptions) {
    this.#dir = dir;
    this.#options = { initialCapacity: 1024, ...options };
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
    return this.#owners.size;
  }

  upsertDocument(tenant: string, documentId: string, entries: IndexEntry[]): void {
    this.deleteDocument(tenant, documentId);
    if (entries.length === 0) return;
    const graph = this.#ensureGraph(entries[0]?.vector.length ?? 0, entries.length);
    const document: DocumentLabels = {
      documentId,
      metadata: { ...(entries[0]?.metadata ?? {}) },
      labels: [],
    };
    for (const entry of entries) {
      this.#checkDimensions(entry.vector);
      const label = this.#nextLabel++;
      graph.addPoint(entry.vector, label, true);
      document.labels.push([label, entry.chunkId]);
      this.#owners.set(label, { tenant, document, chunkId: entry.chunkId });
    }
    this.#documentsOf(tenant, true).set(documentId, document);
  }

  deleteDocument(tenant: string, documentId: string): number {
    const documents = this.#documentsOf(tenant, false);
    const document = documents?.get(documentId);
    if (!documents || !document) return 0;
    for (const [label] of document.labels) {
      this.#graph?.markDelete(label);
      this.#owners.delete(label);
    }
    documents.delete(documentId);
    return document.labels.length;
  }

  search(tenant: string, vector: number[], k: number, filter: IndexFilter = {}): IndexHit[] {
    const matches = this.#matchingDocuments(tenant, filter);
    const available = matches.reduce((sum, document) => sum + document.labels.length, 0);
    const wanted = Math.min(k, available);
    if (wanted === 0 || !this.#graph) return [];
    this.#checkDimensions(vector);
    const allowed = new Set(matches);
    this.#graph.setEf(Math.max(this.#options.efSearch, wanted));
    const result = this.#graph.searchKnn(vector, wanted, (label) => {
      const owner = this.#owners.get(label);
      return owner !== undefined && owner.tenant === tenant && allowed.has(owner.document);
    });
    // A graph thinned by many deletions can strand a few matching points; scan them rather than return fewer.
    if (result.neighbors.length < wanted) return byScoreThenChunk(this.#exactSearch(vector, matches, wanted));
    return byScoreThenChunk(
      result.neighbors.map((label, i) => this.#hit(label, 1 - (result.distances[i] ?? 1))),
    );
  }

  clear(): void {
    this.#graph = undefined;
    this.#dimensions = 0;
    this.#nextLabel = 0;
    this.#marker = undefined;
    this.#owners.clear();
    this.#tenants.clear();
  }

  /** Writes the graph to a new file, then meta.json naming it (temp + rename), then drops old graphs. */
  async persist(marker: string): Promise<void> {
    const graphFile = this.#graph ? `graph-${randomUUID()}.bin` : undefined;
    if (this.#graph && graphFile) await this.#graph.writeIndex(join(this.#dir, graphFile));
    const meta: PersistedMeta = {
      marker,
      dimensions: this.#dimensions,
      nextLabel: this.#nextLabel,
      graphFile,
      tenants: Object.fromEntries(
        [...this.#tenants].map(([tenant, documents]) => [tenant, [...documents.values()]]),
      ),
    };
    await writeJsonDurably(join(this.#dir, META), meta);
    this.#marker = marker;
    this.#graphFile = graphFile;
    await this.#removeStaleFiles();
  }

  async #load(): Promise<void> {
    const meta = await readJsonIfPresent<PersistedMeta>(join(this.#dir, META));
    if (!meta) return;
    if (meta.graphFile) {
      const graph = new HierarchicalNSW('cosine', meta.dimensions);
      await graph.readIndex(join(this.#dir, meta.graphFile), true);
      this.#graph = graph;
    }
    this.#dimensions = meta.dimensions;
    this.#nextLabel = meta.nextLabel;
    this.#graphFile = meta.graphFile;
    for (const [tenant, documents] of Object.entries(meta.tenants)) {
      const byId = this.#documentsOf(tenant, true);
      for (const document of documents) {
        byId.set(document.documentId, document);
        for (const [label, chunkId] of document.labels)
          this.#owners.set(label, { tenant, document, chunkId });
      }
    }
    this.#marker = meta.marker;
  }

  async #removeStaleFiles(): Promise<void> {
    for (const name of await readdir(this.#dir)) {
      const staleGraph = name.startsWith('graph-') && name !== this.#graphFile;
      if (staleGraph || name.endsWith('.tmp')) await rm(join(this.#dir, name), { force: true });
    }
  }

  #ensureGraph(dimensions: number, adding: number): Hnsw {
    if (!this.#graph) {
      const graph = new HierarchicalNSW('cosine', dimensions);
      graph.initIndex({
        maxElements: Math.max(this.#options.initialCapacity, adding),
        m: this.#options.m,
        efConstruction: this.#options.efConstruction,
        allowReplaceDeleted: true,
      });
      this.#graph = graph;
      this.#dimensions = dimensions;
      return graph;
    }
    const needed = this.#graph.getCurrentCount() + adding;
    const capacity = this.#graph.getMaxElements();
    if (needed > capacity) this.#graph.resizeIndex(Math.max(capacity * 2, needed));
    return this.#graph;
  }

  #checkDimensions(vector: number[]): void {
    if (vector.length !== this.#dimensions) {
      throw new RagfleetError('INTERNAL', 'Embedding dimensions do not match the index', {
        internal: `index has ${this.#dimensions} dimensions, vector has ${vector.length}: was the embedding model changed?`,
      });
    }
  }

  #documentsOf(tenant: string, create: true): Map<string, DocumentLabels>;
  #documentsOf(tenant: string, create: false): Map<string, DocumentLabels> | undefined;
  #documentsOf(tenant: string, create: boolean): Map<string, DocumentLabels> | undefined {
    let documents = this.#tenants.get(tenant);
    if (!documents && create) this.#tenants.set(tenant, (documents = new Map()));
    return documents;
  }

  #matchingDocuments(tenant: string, filter: IndexFilter): DocumentLabels[] {
    const documents = this.#documentsOf(tenant, false);
    if (!documents) return [];
    const matches = documentPredicate(filter);
    return [...documents.values()].filter((document) => matches(document.documentId, document.metadata));
  }

  #exactSearch(vector: number[], documents: DocumentLabels[], k: number): IndexHit[] {
    const graph = this.#graph;
    if (!graph) return [];
    const query = normalize(vector);
    const scored: Array<{ label: number; score: number }> = [];
    for (const document of documents) {
      for (const [label] of document.labels) {
        // hnswlib stores cosine points normalized, so a dot product is the cosine similarity.
        const point = graph.getPoint(label);
        scored.push({ label, score: point.reduce((sum, value, i) => sum + value * (query[i] ?? 0), 0) });
      }
    }
    scored.sort((a, b) => b.score - a.score);
    return scored.slice(0, k).map(({ label, score }) => this.#hit(label, score));
  }

  #hit(label: number, score: number): IndexHit {
    const owner = this.#owners.get(label);
    if (!owner) throw new Error(`index label ${label} has no owner`);
    return { chunkId: owner.chunkId, documentId: owner.document.documentId, score };
  }
}

function normalize(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / norm);
}

/**
 * Equal scores in chunk id order: the graph returns ties in the order points were inserted, which
 * differs between replicas that applied the same writes in another order (or rebuilt), and the
 * same corpus must answer the same on every replica.
 */
function byScoreThenChunk(hits: IndexHit[]): IndexHit[] {
  return hits.sort(
    (a, b) => b.score - a.score || (a.chunkId < b.chunkId ? -1 : a.chunkId > b.chunkId ? 1 : 0),
  );
}
