import { RagfleetError } from '@ragfleet/errors';
import { withSpan } from '@ragfleet/telemetry';
import { DEFAULT_BM25 } from '../index/bm25-index.ts';
import type { Corpus } from '../index/corpus.ts';
import type { Embedder } from '../index/embedder.ts';
import { fuse, single, type FusedHit } from './fusion.ts';
import { IdentityReranker, MmrReranker } from './mmr-reranker.ts';
import type { KeywordHit } from '../index/keyword-index.ts';
import type { ChunkRecord, DocumentRecord } from '../index/records.ts';
import type { RerankCandidate, Reranker } from './reranker.ts';
import type { RetrieveMetrics } from '../index/retrieve-metrics.ts';
import type { IndexHit } from '../index/vector-index.ts';
import {
  resolveSearch,
  type ResolvedSearch,
  type SearchDefaults,
  type SearchRequest,
  type SearchSettings,
} from './search-options.ts';

export { DEFAULT_K, MAX_K, type SearchRequest } from './search-options.ts';

export interface SearchHit {
  chunkId: string;
  documentId: string;
  title: string;
  text: string;
  /** The fused score in hybrid mode, else the one ranking's score (cosine or BM25). */
  score: number;
  start: number;
  end: number;
  metadata: Record<string, string>;
  /** Cosine similarity and 1-based rank in the vector ranking; 0 and 0 when not in it. */
  vectorScore: number;
  vectorRank: number;
  /** BM25 score and rank in the keyword ranking; 0 and 0 when not in it. */
  keywordScore: number;
  keywordRank: number;
  fusedScore: number;
}

/** The hits and how they were found, every default resolved. */
export interface SearchResult extends SearchSettings {
  hits: SearchHit[];
}

/**
 * Chosen by measurement on Cranfield through the fleet (scripts/eval/README.md has the tables):
 * min-max fusion weighting BM25 above the weak offline dense model, and the dense query moved
 * towards the top 5 keyword hits, give hybrid nDCG@10 0.411 (keyword alone 0.403, vector 0.177).
 */
export const DEFAULT_SEARCH: SearchDefaults = {
  mode: 'hybrid',
  fusion: 'minmax',
  weights: { vector: 0.3, keyword: 0.7 },
  rrfK: 60,
  rerank: 'none',
  mmrLambda: 0.7,
  candidates: 100,
  bm25: DEFAULT_BM25.params,
  feedback: { documents: 5, weight: 0.5 },
};

/**
 * Search over one tenant's chunks: a vector ranking (HNSW), a keyword ranking (BM25) or both fused,
 * then an optional rerank stage, each ranking filtered inside its index.
 */
export class SearchService {
  readonly #corpus: Corpus;
  readonly #embedder: Embedder;
  readonly #metrics: RetrieveMetrics;
  readonly #defaults: SearchDefaults;
  readonly #rerankers: (resolved: ResolvedSearch) => Reranker;

  constructor(
    corpus: Corpus,
    embedder: Embedder,
    metrics: RetrieveMetrics,
    defaults: SearchDefaults = DEFAULT_SEARCH,
    rerankers: (resolved: ResolvedSearch) => Reranker = defaultRerankers,
  ) {
    this.#corpus = corpus;
    this.#embedder = embedder;
    this.#metrics = metrics;
    this.#defaults = defaults;
    this.#rerankers = rerankers;
  }

  /** The hits alone (for callers that need no more than that). */
  async search(tenant: string, request: SearchRequest): Promise<SearchHit[]> {
    return (await this.query(tenant, request)).hits;
  }

  async query(tenant: string, request: SearchRequest): Promise<SearchResult> {
    const started = performance.now();
    const resolved = resolveSearch(request, this.#defaults);
    const { mode, candidates, filter } = resolved;

    const keywordRanking =
      mode === 'vector'
        ? []
        : await withSpan('rag.search.keyword', async () =>
            this.#corpus.keywords.search(tenant, resolved.query, candidates, filter, this.#defaults.bm25),
          );
    let vectorRanking: IndexHit[] = [];
    if (mode !== 'keyword') {
      let vector = await this.#embedQuery(resolved.query);
      if (mode === 'hybrid') vector = await this.#withFeedback(tenant, vector, keywordRanking);
      vectorRanking = await withSpan('rag.search', async () =>
        this.#corpus.index.search(tenant, vector, candidates, filter),
      );
    }
    const fused =
      mode === 'hybrid'
        ? fuse(vectorRanking, keywordRanking, {
            method: resolved.fusion,
            weights: resolved.weights,
            rrfK: resolved.rrfK,
          })
        : single(mode === 'vector' ? vectorRanking : keywordRanking, mode);

    const reranker = this.#rerankers(resolved);
    const pool = reranker.name === 'none' ? fused.slice(0, resolved.k) : fused;
    const { chunks, documents } = await this.#load(tenant, pool);
    const ranked = await withSpan('rag.rerank', () =>
      reranker.rerank(resolved.query, toCandidates(pool, chunks), resolved.k),
    );
    const hits = ranked.flatMap((hit) => {
      const chunk = chunks.get(hit.chunkId);
      const document = documents.get(hit.documentId);
      return chunk && document ? [toHit(hit, chunk, document)] : [];
    });
    this.#metrics.searchSeconds((performance.now() - started) / 1000, mode);
    return {
      hits,
      mode,
      fusion: resolved.fusion,
      weights: resolved.weights,
      rrfK: resolved.rrfK,
      rerank: resolved.rerank,
      mmrLambda: resolved.mmrLambda,
      candidates,
    };
  }

  async #embedQuery(query: string): Promise<number[]> {
    const [vector] = await withSpan('rag.embed', () => this.#embedder.embed([query]));
    if (!vector)
      throw new RagfleetError('INTERNAL', 'Embedding failed', { internal: 'embedder returned no vector' });
    return vector;
  }

  /**
   * Moves the query vector towards the top keyword hits (pseudo-relevance feedback): a short query
   * embeds poorly, while the chunks BM25 ranks first say in the embedding's own terms what the
   * query is about. Measured on Cranfield, see DEFAULT_SEARCH.
   */
  async #withFeedback(tenant: string, vector: number[], keywordRanking: KeywordHit[]): Promise<number[]> {
    const { documents, weight } = this.#defaults.feedback;
    const top = keywordRanking.slice(0, documents);
    if (top.length === 0 || weight <= 0) return vector;
    const chunks = await this.#corpus.store.getChunks(
      tenant,
      top.map((hit) => hit.chunkId),
    );
    if (chunks.length === 0) return vector;
    const centroid = new Array<number>(vector.length).fill(0);
    for (const chunk of chunks) {
      const unit = normalize(chunk.vector);
      for (let i = 0; i < centroid.length; i++)
        centroid[i] = (centroid[i] ?? 0) + (unit[i] ?? 0) / chunks.length;
    }
    const direction = normalize(centroid);
    return normalize(vector).map((value, i) => (1 - weight) * value + weight * (direction[i] ?? 0));
  }

  /** Reads the candidates' chunks and documents; a chunk deleted meanwhile is simply missing. */
  async #load(
    tenant: string,
    found: FusedHit[],
  ): Promise<{ chunks: Map<string, ChunkRecord>; documents: Map<string, DocumentRecord> }> {
    const store = this.#corpus.store;
    const chunks = new Map(
      (
        await store.getChunks(
          tenant,
          found.map((hit) => hit.chunkId),
        )
      ).map((chunk) => [chunk.id, chunk]),
    );
    const documents = new Map<string, DocumentRecord>();
    for (const documentId of new Set(found.map((hit) => hit.documentId))) {
      const document = await store.getDocument(tenant, documentId);
      if (document) documents.set(documentId, document);
    }
    return { chunks, documents };
  }
}

function normalize(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / norm);
}

function defaultRerankers(resolved: ResolvedSearch): Reranker {
  return resolved.rerank === 'mmr' ? new MmrReranker(resolved.mmrLambda) : new IdentityReranker();
}

function toCandidates(fused: FusedHit[], chunks: Map<string, ChunkRecord>): RerankCandidate[] {
  return fused.flatMap((hit) => {
    const chunk = chunks.get(hit.chunkId);
    return chunk ? [{ ...hit, text: chunk.text, vector: chunk.vector }] : [];
  });
}

function toHit(hit: FusedHit, chunk: ChunkRecord, document: DocumentRecord): SearchHit {
  return {
    chunkId: chunk.id,
    documentId: document.id,
    title: document.title,
    text: chunk.text,
    score: hit.fusedScore,
    start: chunk.start,
    end: chunk.end,
    metadata: document.metadata,
    vectorScore: hit.vectorScore,
    vectorRank: hit.vectorRank,
    keywordScore: hit.keywordScore,
    keywordRank: hit.keywordRank,
    fusedScore: hit.fusedScore,
  };
}
