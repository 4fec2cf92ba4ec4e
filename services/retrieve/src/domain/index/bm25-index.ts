import {
  analyzerSignature,
  createAnalyzer,
  DEFAULT_ANALYZER,
  type Analyzer,
  type AnalyzerOptions,
} from './analyzer.ts';
import type { Bm25Params, KeywordEntry, KeywordHit } from './keyword-index.ts';
import { documentPredicate, type SearchFilter } from './search-filter.ts';
import { maxScoreTopK, type ScoredTerm } from './max-score.ts';

export interface Bm25Options {
  analyzer: AnalyzerOptions;
  /** Each title term counts this many times in every chunk of its document (0: titles not indexed). */
  titleWeight: number;
  params: Bm25Params;
  /**
   * RM3 expansion terms with a lower idf are not added (default EXPANSION_MIN_IDF): a term most
   * chunks hold ranks nothing, yet its posting list is the longest to score.
   */
  expansionMinIdf?: number;
  /** Score every posting instead of pruning with MaxScore (same results; a reference for tests). */
  exhaustive?: boolean;
}

interface DocumentEntry {
  documentId: string;
  metadata: Record<string, string>;
  chunks: ChunkTerms[];
}

interface ChunkTerms {
  chunkId: string;
  document: DocumentEntry;
  /** Unique among the tenant's live chunks, reused after a delete: indexes score arrays. */
  slot: number;
  /** Weighted term count: body terms plus titleWeight × title terms. */
  length: number;
  terms: Map<string, number>;
}

/**
 * The chunks holding one term, with what bounds the term's BM25 impact: the largest term frequency
 * and the shortest chunk ever listed. Deleting a chunk leaves them as they were: still bounds.
 */
interface Posting {
  chunks: Map<ChunkTerms, number>;
  maxTf: number;
  minLength: number;
}

interface TenantIndex {
  documents: Map<string, DocumentEntry>;
  postings: Map<string, Posting>;
  totalLength: number;
  chunks: number;
  /** Slots ever handed out, and those free again. */
  slots: number;
  freeSlots: number[];
}

/** The analyzed index, as persisted: per tenant, documents with their chunks' term counts. */
export interface Bm25Snapshot {
  signature: string;
  tenants: Record<
    string,
    Array<{
      id: string;
      metadata: Record<string, string>;
      chunks: Array<[string, number, Array<[string, number]>]>;
    }>
  >;
}

/**
 * Okapi BM25 over chunks with title weighting (a simple BM25F: the title's terms are added to
 * every chunk's term counts and length, scaled by titleWeight). Statistics (document frequency,
 * average length) are per tenant, so one tenant's corpus never shifts another's scores.
 * idf = ln(1 + (N - df + 0.5) / (df + 0.5)), never negative. Synchronous: the in-memory engine
 * the keyword index adapters (VolatileKeywordIndex, FileKeywordIndex) answer the async port with.
 */
export class Bm25Index {
  readonly signature: string;
  readonly #analyze: Analyzer;
  readonly #titleWeight: number;
  readonly #params: Bm25Params;
  readonly #exhaustive: boolean;
  readonly #expansionMinIdf: number;
  readonly #tenants = new Map<string, TenantIndex>();
  #size = 0;

  constructor(options: Bm25Options) {
    this.#analyze = createAnalyzer(options.analyzer);
    this.#titleWeight = options.titleWeight;
    this.#params = options.params;
    this.#exhaustive = options.exhaustive ?? false;
    this.#expansionMinIdf = options.expansionMinIdf ?? EXPANSION_MIN_IDF;
    this.signature = analyzerSignature(options.analyzer, options.titleWeight);
  }

  get size(): number {
    return this.#size;
  }

  upsertDocument(tenant: string, documentId: string, entries: KeywordEntry[]): void {
    this.deleteDocument(tenant, documentId);
    if (entries.length === 0) return;
    const titleTerms = this.#titleWeight > 0 ? this.#analyze(entries[0]?.title ?? '') : [];
    const chunks = entries.map((entry) => {
      const terms = new Map<string, number>();
      const body = this.#analyze(entry.text);
      for (const term of body) terms.set(term, (terms.get(term) ?? 0) + 1);
      for (const term of titleTerms) terms.set(term, (terms.get(term) ?? 0) + this.#titleWeight);
      return { chunkId: entry.chunkId, length: body.length + this.#titleWeight * titleTerms.length, terms };
    });
    this.#add(tenant, documentId, { ...(entries[0]?.metadata ?? {}) }, chunks);
  }

  deleteDocument(tenant: string, documentId: string): number {
    const index = this.#tenants.get(tenant);
    const document = index?.documents.get(documentId);
    if (!index || !document) return 0;
    for (const chunk of document.chunks) {
      for (const term of chunk.terms.keys()) {
        const posting = index.postings.get(term);
        posting?.chunks.delete(chunk);
        if (posting?.chunks.size === 0) index.postings.delete(term);
      }
      index.totalLength -= chunk.length;
      index.freeSlots.push(chunk.slot);
    }
    index.chunks -= document.chunks.length;
    this.#size -= document.chunks.length;
    index.documents.delete(documentId);
    if (index.documents.size === 0) this.#tenants.delete(tenant);
    return document.chunks.length;
  }

  search(
    tenant: string,
    query: string,
    k: number,
    filter: SearchFilter = {},
    params: Bm25Params = this.#params,
  ): KeywordHit[] {
    const index = this.#tenants.get(tenant);
    if (!index || k <= 0) return [];
    const queryTerms = new Map<string, number>();
    for (const term of this.#analyze(query)) queryTerms.set(term, (queryTerms.get(term) ?? 0) + 1);
    const isAllowed = allowedChunks(filter);
    const feedback = params.feedback;
    const useFeedback = feedback !== undefined && feedback.documents > 0 && feedback.weight > 0;
    let ranked = this.#score(index, queryTerms, isAllowed, params, useFeedback ? feedback.documents : k);
    if (useFeedback && ranked.length > 0) {
      const specific = (term: string) => idf(index, term) >= this.#expansionMinIdf;
      ranked = this.#score(index, expandQuery(queryTerms, ranked, feedback, specific), isAllowed, params, k);
    }
    return ranked.map(([chunk, score]) => ({
      chunkId: chunk.chunkId,
      documentId: chunk.document.documentId,
      score,
    }));
  }

  /**
   * BM25 of the allowed chunks holding a query term (query term weights multiply their share), the
   * best `limit` of them, best first. MaxScore pruning skips the chunks that only common terms
   * could score: they cannot reach the top `limit`.
   */
  #score(
    index: TenantIndex,
    queryTerms: Map<string, number>,
    isAllowed: (chunk: ChunkTerms) => boolean,
    { k1, b }: Bm25Params,
    limit: number,
  ): Array<[ChunkTerms, number]> {
    const averageLength = index.totalLength / index.chunks || 1;
    // tf (k1 + 1) / (tf + k1 (1 - b + b length / average)): rises with tf, falls with length.
    const saturation = (tf: number, length: number) =>
      (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / averageLength));
    const terms: Array<ScoredTerm<ChunkTerms>> = [];
    for (const [term, queryWeight] of queryTerms) {
      const posting = index.postings.get(term);
      if (!posting) continue;
      const weight = queryWeight * idf(index, term);
      terms.push({
        postings: posting.chunks,
        impact: (chunk, tf) => weight * saturation(tf, chunk.length),
        bound: weight * saturation(posting.maxTf, posting.minLength),
      });
    }
    return maxScoreTopK(terms, limit, {
      isAllowed,
      tieBefore: (x, y) => x.chunkId < y.chunkId,
      slotOf: (chunk) => chunk.slot,
      slots: index.slots,
      exhaustive: this.#exhaustive,
    });
  }

  clear(): void {
    this.#tenants.clear();
    this.#size = 0;
  }

  snapshot(): Bm25Snapshot {
    const tenants: Bm25Snapshot['tenants'] = {};
    for (const [tenant, index] of this.#tenants) {
      tenants[tenant] = [...index.documents.values()].map((document) => ({
        id: document.documentId,
        metadata: document.metadata,
        chunks: document.chunks.map((chunk) => [chunk.chunkId, chunk.length, [...chunk.terms]]),
      }));
    }
    return { signature: this.signature, tenants };
  }

  /** Loads a snapshot taken with the same analyzer; returns false (and loads nothing) otherwise. */
  restore(snapshot: Bm25Snapshot): boolean {
    if (snapshot.signature !== this.signature) return false;
    this.clear();
    for (const [tenant, documents] of Object.entries(snapshot.tenants)) {
      for (const document of documents) {
        const chunks = document.chunks.map(([chunkId, length, terms]) => ({
          chunkId,
          length,
          terms: new Map(terms),
        }));
        this.#add(tenant, document.id, document.metadata, chunks);
      }
    }
    return true;
  }

  #add(
    tenant: string,
    documentId: string,
    metadata: Record<string, string>,
    chunks: Array<Omit<ChunkTerms, 'document' | 'slot'>>,
  ): void {
    let index = this.#tenants.get(tenant);
    if (!index)
      this.#tenants.set(
        tenant,
        (index = {
          documents: new Map(),
          postings: new Map(),
          totalLength: 0,
          chunks: 0,
          slots: 0,
          freeSlots: [],
        }),
      );
    const document: DocumentEntry = { documentId, metadata, chunks: [] };
    for (const chunk of chunks) {
      const slot = index.freeSlots.pop() ?? index.slots++;
      const placed: ChunkTerms = { ...chunk, slot, document };
      document.chunks.push(placed);
      for (const [term, tf] of chunk.terms) {
        let posting = index.postings.get(term);
        if (!posting)
          index.postings.set(term, (posting = { chunks: new Map(), maxTf: 0, minLength: Infinity }));
        posting.chunks.set(placed, tf);
        posting.maxTf = Math.max(posting.maxTf, tf);
        posting.minLength = Math.min(posting.minLength, chunk.length);
      }
      index.totalLength += chunk.length;
    }
    index.chunks += chunks.length;
    this.#size += chunks.length;
    index.documents.set(documentId, document);
  }
}

/**
 * Defaults chosen by measurement on Cranfield (scripts/eval/tune-keyword.ts): stop words and
 * stemming (+0.012 nDCG@10 over stop words alone), the title counted twice (+0.02) and a higher
 * k1 (+0.01) beat the plain BM25 baseline (0.327 here) at 0.371; RM3 feedback (5 chunks, 20 terms,
 * weight 0.5) brings it to 0.403.
 */
export const DEFAULT_BM25: Bm25Options = {
  analyzer: DEFAULT_ANALYZER,
  titleWeight: 2,
  params: { k1: 2.0, b: 0.75, feedback: { documents: 5, terms: 20, weight: 0.5 } },
};

/**
 * Off by default (0): no floor kept both ranking and speed. Keyword nDCG@10 on Cranfield by floor
 * (in-process, default analyzer and feedback): none 0.4033, 1.0 0.4031, 1.5 0.3964, 2.0 0.4013,
 * ln 10 0.3944; and at 100k synthetic chunks a floor of 1 did not move p50 (40 ms without, 40
 * with, interleaved), since MaxScore already skips the lists of common expansion terms.
 */
export const EXPANSION_MIN_IDF = 0;

/** idf = ln(1 + (N - df + 0.5) / (df + 0.5)); 0 for a term no chunk holds. */
function idf(index: TenantIndex, term: string): number {
  const df = index.postings.get(term)?.chunks.size ?? 0;
  return df === 0 ? 0 : Math.log(1 + (index.chunks - df + 0.5) / (df + 0.5));
}

/**
 * RM3: the feedback chunks' term distributions, weighted by each chunk's share of the feedback
 * scores, give expansion terms; the query becomes (1 - weight) × original + weight × expansion,
 * both normalized to sum 1.
 */
function expandQuery(
  queryTerms: Map<string, number>,
  top: Array<[ChunkTerms, number]>,
  feedback: { terms: number; weight: number },
  specific: (term: string) => boolean,
): Map<string, number> {
  const total = top.reduce((sum, [, score]) => sum + score, 0) || 1;
  const expansion = new Map<string, number>();
  for (const [chunk, score] of top) {
    for (const [term, tf] of chunk.terms)
      if (specific(term))
        expansion.set(term, (expansion.get(term) ?? 0) + ((tf / (chunk.length || 1)) * score) / total);
  }
  const kept = [...expansion].sort(([, x], [, y]) => y - x).slice(0, feedback.terms);
  const keptTotal = kept.reduce((sum, [, weight]) => sum + weight, 0) || 1;
  const queryTotal = [...queryTerms.values()].reduce((sum, count) => sum + count, 0) || 1;
  const expanded = new Map<string, number>();
  for (const [term, count] of queryTerms) expanded.set(term, ((1 - feedback.weight) * count) / queryTotal);
  for (const [term, weight] of kept)
    expanded.set(term, (expanded.get(term) ?? 0) + (feedback.weight * weight) / keptTotal);
  return expanded;
}

/** The filter as a predicate over chunks: each document judged once, nothing asked when empty. */
function allowedChunks(filter: SearchFilter): (chunk: ChunkTerms) => boolean {
  const restricts = Object.values(filter).some(
    (value) =>
      value !== undefined &&
      !(Array.isArray(value) && value.length === 0) &&
      !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0),
  );
  if (!restricts) return () => true;
  const matches = documentPredicate(filter);
  const verdicts = new Map<DocumentEntry, boolean>();
  return ({ document }) => {
    let verdict = verdicts.get(document);
    if (verdict === undefined)
      verdicts.set(document, (verdict = matches(document.documentId, document.metadata)));
    return verdict;
  };
}
