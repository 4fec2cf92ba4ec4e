import { RagfleetError } from '@ragfleet/errors';
import { withSpan } from '@ragfleet/telemetry';
import type { Corpus } from './corpus.ts';
import type { Embedder } from './embedder.ts';
import type { DocumentRecord } from './model.ts';
import type { RetrieveMetrics } from './retrieve-metrics.ts';

export const DEFAULT_K = 5;
export const MAX_K = 100;
const MAX_QUERY_CHARS = 10_000;

export interface SearchHit {
  chunkId: string;
  documentId: string;
  title: string;
  text: string;
  /** Cosine similarity of query and chunk. */
  score: number;
  start: number;
  end: number;
  metadata: Record<string, string>;
}

export interface SearchRequest {
  query: string;
  /** 0 means the default. */
  k: number;
  /** Exact-match metadata filters; `document_id` filters by document. */
  filters: Record<string, string>;
}

/** Vector search over one tenant's chunks. */
export class SearchService {
  readonly #corpus: Corpus;
  readonly #embedder: Embedder;
  readonly #metrics: RetrieveMetrics;

  constructor(corpus: Corpus, embedder: Embedder, metrics: RetrieveMetrics) {
    this.#corpus = corpus;
    this.#embedder = embedder;
    this.#metrics = metrics;
  }

  async search(tenant: string, request: SearchRequest): Promise<SearchHit[]> {
    const started = performance.now();
    const query = request.query.trim();
    if (query === '') throw invalid('query', 'must not be empty');
    if (query.length > MAX_QUERY_CHARS) throw invalid('query', `at most ${MAX_QUERY_CHARS} characters`);
    const k = request.k === 0 ? DEFAULT_K : request.k;
    if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw invalid('k', `must be between 1 and ${MAX_K}`);

    const [vector] = await withSpan('rag.embed', () => this.#embedder.embed([query]));
    if (!vector)
      throw new RagfleetError('INTERNAL', 'Embedding failed', { internal: 'embedder returned no vector' });
    const found = await withSpan('rag.search', async () =>
      this.#corpus.index.search(tenant, vector, k, { equals: request.filters }),
    );
    const hits = await this.#load(tenant, found);
    this.#metrics.searchSeconds((performance.now() - started) / 1000);
    return hits;
  }

  /** Joins index hits with chunk text and document details; a chunk deleted meanwhile is skipped. */
  async #load(
    tenant: string,
    found: Array<{ chunkId: string; documentId: string; score: number }>,
  ): Promise<SearchHit[]> {
    const store = this.#corpus.store;
    const chunks = new Map(
      (
        await store.getChunks(
          tenant,
          found.map((hit) => hit.chunkId),
        )
      ).map((c) => [c.id, c]),
    );
    const documents = new Map<string, DocumentRecord | undefined>();
    for (const documentId of new Set(found.map((hit) => hit.documentId))) {
      documents.set(documentId, await store.getDocument(tenant, documentId));
    }
    const hits: SearchHit[] = [];
    for (const hit of found) {
      const chunk = chunks.get(hit.chunkId);
      const document = documents.get(hit.documentId);
      if (!chunk || !document) continue;
      hits.push({
        chunkId: chunk.id,
        documentId: document.id,
        title: document.title,
        text: chunk.text,
        score: hit.score,
        start: chunk.start,
        end: chunk.end,
        metadata: document.metadata,
      });
    }
    return hits;
  }
}

function invalid(field: string, message: string): RagfleetError {
  return new RagfleetError('INVALID_ARGUMENT', `${field}: ${message}`, { details: { field } });
}
