import { ndcgAt, uniqueDocuments } from '../search/ranking-metrics.ts';
import type { SearchRequest, SearchResult } from '../search/search-service.ts';

/** One judged query: graded relevance of documents (absent: 0). */
export interface LabeledQuery {
  query: string;
  relevant: Record<string, number>;
}

/** A labeled set of one tenant's queries: what a cutover is judged on. */
export interface LabeledSet {
  tenant: string;
  queries: LabeledQuery[];
}

export interface Searcher {
  query(tenant: string, request: SearchRequest): Promise<SearchResult>;
}

/** Deep enough that ten distinct documents survive when several chunks of one document rank high. */
const EVAL_DEPTH = 50;

/** Mean nDCG@10 over the set's queries, ranking documents by their best chunk. */
export async function meanNdcg10(searcher: Searcher, set: LabeledSet): Promise<number> {
  let total = 0;
  for (const { query, relevant } of set.queries) {
    const { hits } = await searcher.query(set.tenant, { query, k: EVAL_DEPTH, filters: {} });
    const ranked = uniqueDocuments(hits.map((hit) => hit.documentId));
    total += ndcgAt(ranked, new Map(Object.entries(relevant)), 10);
  }
  return set.queries.length === 0 ? 0 : total / set.queries.length;
}

export interface GateVerdict {
  pass: boolean;
  candidateNdcg10: number;
  activeNdcg10: number;
}

/** The candidate passes unless it scores worse than the active version by more than the tolerance. */
export async function judgeCutover(
  candidate: Searcher,
  active: Searcher,
  set: LabeledSet,
  tolerance: number,
): Promise<GateVerdict> {
  const candidateNdcg10 = await meanNdcg10(candidate, set);
  const activeNdcg10 = await meanNdcg10(active, set);
  return { pass: candidateNdcg10 >= activeNdcg10 - tolerance, candidateNdcg10, activeNdcg10 };
}
