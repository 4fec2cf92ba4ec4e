import { randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { documentPredicate, type SearchFilter } from '../domain/index/search-filter.ts';
import { byScoreThenChunk, type IndexEntry, type IndexHit } from '../domain/index/vector-index.ts';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export interface TenantGraphSettings {
  dimensions: number;
  m: number;
  efConstruction: number;
  efSearch: number;
  /** Capacity a new graph is allocated with; it doubles whenever it fills. */
  initialCapacity: number;
}

/** One indexed document: its chunks' labels share one metadata object. */
export interface DocumentLabels {
  documentId: string;
  metadata: Record<string, string>;
  /** [label, chunk id] pairs. */
  labels: Array<[number, string]>;
}

/** A tenant's entry in meta.json: its graph file and what the labels in it stand for. */
export interface PersistedTenant {
  graphFile: string;
  nextLabel: number;
  documents: DocumentLabels[];
}

interface LabelOwner {
  document: DocumentLabels;
  chunkId: string;
}

/**
 * Up to how many matching chunks a filtered search scores them one by one (exact) rather than
 * walk the graph through the filter callback. Measured at 100k chunks of 512 dimensions: scoring a
 * chunk costs one getPoint (27 µs), about what the graph search spends on 34 visited points
 * (0.8 µs each), and a filter passing a fraction f of the tenant's chunks makes the graph search
 * visit about 1.3·ef/f points (it must see that many to find ef that pass). Exact is cheaper while
 * 34·m ≤ 1.3·ef·n/m for m matches out of n, i.e. m ≤ √(ef·n/26): 620 of 100k at ef 100, where
 * both take ~17 ms; the graph search takes 74 ms for 100 matches, the scan 2.7 ms.
 */
export function exactScanLimit(tenantChunks: number, ef: number): number {
  return Math.floor(Math.sqrt((ef * tenantChunks) / 26));
}

/**
 * One tenant's chunk vectors in an HNSW graph of their own (hnswlib-node, cosine), with the
 * mapping from hnswlib's numeric labels to chunks. A graph per tenant means a search never meets
 * another tenant's points: an unfiltered search needs no filter callback (a call from C++ into JS
 * per visited point), and a tenant's filter is as selective as its own corpus makes it. Replaced
 * and deleted chunks are mark-deleted and their slots reused; labels are never reused, since
 * hnswlib may give a freed label's slot to another label. The price: each graph holds 2.6 MB
 * however small (hnswlib allocates 65,536 label mutexes per index), on top of ~2.2 KB per chunk.
 */
export class TenantGraph {
  readonly #settings: TenantGraphSettings;
  readonly #graph: Hnsw;
  #nextLabel: number;
  /** The graph file that holds this graph as it is now; undefined once it changes. */
  #graphFile: string | undefined;
  readonly #owners = new Map<number, LabelOwner>();
  readonly #documents = new Map<string, DocumentLabels>();

  private constructor(settings: TenantGraphSettings, graph: Hnsw, nextLabel: number, graphFile?: string) {
    this.#settings = settings;
    this.#graph = graph;
    this.#nextLabel = nextLabel;
    this.#graphFile = graphFile;
  }

  static create(settings: TenantGraphSettings, capacity: number): TenantGraph {
    const graph = new HierarchicalNSW('cosine', settings.dimensions);
    graph.initIndex({
      maxElements: Math.max(settings.initialCapacity, capacity),
      m: settings.m,
      efConstruction: settings.efConstruction,
      allowReplaceDeleted: true,
    });
    return new TenantGraph(settings, graph, 0);
  }

  /** The graph persisted in `dir` as `persisted` describes it. */
  static async load(
    settings: TenantGraphSettings,
    dir: string,
    persisted: PersistedTenant,
  ): Promise<TenantGraph> {
    const graph = new HierarchicalNSW('cosine', settings.dimensions);
    await graph.readIndex(join(dir, persisted.graphFile), true);
    const tenant = new TenantGraph(settings, graph, persisted.nextLabel, persisted.graphFile);
    for (const document of persisted.documents) tenant.#adopt(document);
    return tenant;
  }

  /** Live chunks. */
  get size(): number {
    return this.#owners.size;
  }

  /** Adds a document's chunks; the caller deleted whatever the document had before. */
  add(documentId: string, entries: IndexEntry[]): void {
    this.#reserve(entries.length);
    const document: DocumentLabels = {
      documentId,
      metadata: { ...(entries[0]?.metadata ?? {}) },
      labels: [],
    };
    for (const entry of entries) {
      const label = this.#nextLabel++;
      // replaceDeleted: the point takes a mark-deleted slot when there is one.
      this.#graph.addPoint(entry.vector, label, true);
      document.labels.push([label, entry.chunkId]);
    }
    this.#adopt(document);
    this.#graphFile = undefined;
  }

  delete(documentId: string): number {
    const document = this.#documents.get(documentId);
    if (!document) return 0;
    for (const [label] of document.labels) {
      this.#graph.markDelete(label);
      this.#owners.delete(label);
    }
    this.#documents.delete(documentId);
    this.#graphFile = undefined;
    return document.labels.length;
  }

  /** The k chunks nearest to `query` among those the filter lets through, best first. */
  search(query: number[], k: number, filter: SearchFilter): IndexHit[] {
    if (k <= 0 || this.size === 0) return [];
    if (isEmptyFilter(filter)) {
      const hits = this.#graphSearch(query, Math.min(k, this.size));
      return hits ?? this.#exactSearch(query, this.#documents.values(), k);
    }
    const predicate = documentPredicate(filter);
    const matches = (document: DocumentLabels) => predicate(document.documentId, document.metadata);
    const limit = exactScanLimit(this.size, this.#ef(k));
    // Count the matching chunks only as far as the choice of method needs: a broad filter stops early.
    const enough = Math.max(k, limit + 1);
    const matching: DocumentLabels[] = [];
    let matched = 0;
    for (const document of this.#candidates(filter)) {
      if (!matches(document)) continue;
      matching.push(document);
      matched += document.labels.length;
      if (matched >= enough) break;
    }
    if (matched <= limit) return this.#exactSearch(query, matching, k);
    const hits = this.#graphSearch(query, Math.min(k, matched), (label) => {
      const owner = this.#owners.get(label);
      return owner !== undefined && matches(owner.document);
    });
    return hits ?? this.#exactSearch(query, [...this.#candidates(filter)].filter(matches), k);
  }

  /** Writes the graph to a new file in `dir` unless the last one written still holds it. */
  async write(dir: string): Promise<PersistedTenant> {
    if (!this.#graphFile) {
      const graphFile = `graph-${randomUUID()}.bin`;
      await this.#graph.writeIndex(join(dir, graphFile));
      await syncFile(join(dir, graphFile));
      this.#graphFile = graphFile;
    }
    return {
      graphFile: this.#graphFile,
      nextLabel: this.#nextLabel,
      documents: [...this.#documents.values()],
    };
  }

  #adopt(document: DocumentLabels): void {
    this.#documents.set(document.documentId, document);
    for (const [label, chunkId] of document.labels) this.#owners.set(label, { document, chunkId });
  }

  /** Room for `adding` more points: they fill mark-deleted slots first, then append. */
  #reserve(adding: number): void {
    const needed = Math.max(this.#graph.getCurrentCount(), this.size + adding);
    const capacity = this.#graph.getMaxElements();
    if (needed > capacity) this.#graph.resizeIndex(Math.max(capacity * 2, needed));
  }

  /** Documents that may match: those the filter names by id, else all of them. */
  #candidates(filter: SearchFilter): Iterable<DocumentLabels> {
    const equalsId = filter.equals?.document_id;
    const ids = equalsId !== undefined ? [equalsId] : filter.documentIds;
    if (!ids || ids.length === 0) return this.#documents.values();
    return [...new Set(ids)].flatMap((id) => {
      const document = this.#documents.get(id);
      return document ? [document] : [];
    });
  }

  /**
   * The graph's k nearest (through `allowed` when given), or undefined when it finds fewer than
   * k: a graph thinned by many deletions can strand a few points, which the caller then scans.
   */
  #graphSearch(query: number[], k: number, allowed?: (label: number) => boolean): IndexHit[] | undefined {
    this.#graph.setEf(this.#ef(k));
    const { neighbors, distances } = this.#graph.searchKnn(query, k, allowed);
    if (neighbors.length < k) return undefined;
    return byScoreThenChunk(neighbors.map((label, i) => this.#hit(label, 1 - (distances[i] ?? 1))));
  }

  /** efSearch, or k when more are asked for: hnswlib returns at most ef results. */
  #ef(k: number): number {
    return Math.max(this.#settings.efSearch, k);
  }

  #exactSearch(query: number[], documents: Iterable<DocumentLabels>, k: number): IndexHit[] {
    const unit = normalize(query);
    const scored: IndexHit[] = [];
    for (const document of documents) {
      for (const [label] of document.labels) {
        // hnswlib stores cosine points normalized, so a dot product is the cosine similarity.
        const point = this.#graph.getPoint(label);
        let score = 0;
        for (let i = 0; i < point.length; i++) score += (point[i] ?? 0) * (unit[i] ?? 0);
        scored.push(this.#hit(label, score));
      }
    }
    return byScoreThenChunk(scored).slice(0, k);
  }

  #hit(label: number, score: number): IndexHit {
    const owner = this.#owners.get(label);
    if (!owner) throw new Error(`index label ${label} has no owner`);
    return { chunkId: owner.chunkId, documentId: owner.document.documentId, score };
  }
}

/**
 * No condition at all: every property absent, an empty list or an empty object. Anything else,
 * including a kind of condition added to SearchFilter later, goes through documentPredicate.
 */
function isEmptyFilter(filter: SearchFilter): boolean {
  return Object.values(filter).every(
    (value) =>
      value === undefined ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === 'object' && value !== null && Object.keys(value).length === 0),
  );
}

/** Flushes a file hnswlib wrote: meta.json, made durable next, must never name a graph still in a cache. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function normalize(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / norm);
}
