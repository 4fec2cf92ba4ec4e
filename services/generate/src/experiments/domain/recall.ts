import type { RetrievalSettings } from './records.ts';

/** Queries whose relevant documents are known, all in one tenant's corpus (ROLLOUT_LABELLED_SET). */
export interface LabelledSet {
  tenant: string;
  queries: Array<{ query: string; relevant: string[] }>;
}

/** The recall guard's measure: recall@5 of a retrieval candidate on the labelled set, in [0, 1]. */
export interface RecallProbe {
  measure(settings: RetrievalSettings): Promise<number>;
}

/** The document ids of one search's hits, best first (chunks of one document repeat its id). */
export type RankedDocuments = (query: string, settings: RetrievalSettings) => Promise<string[]>;

export const RECALL_DEPTH = 5;

/** The first `depth` distinct documents of a ranking: a document's later chunks add nothing. */
export function topDocuments(ranked: readonly string[], depth = RECALL_DEPTH): string[] {
  const top: string[] = [];
  for (const id of ranked) {
    if (top.length === depth) break;
    if (!top.includes(id)) top.push(id);
  }
  return top;
}

/** Share of the relevant documents among the top 5 distinct documents of the ranking. */
export function recallAt5(ranked: readonly string[], relevant: readonly string[]): number {
  const wanted = new Set(relevant);
  if (wanted.size === 0) return 0;
  const found = topDocuments(ranked).filter((id) => wanted.has(id)).length;
  return found / wanted.size;
}

/** The mean of recall@5 over the set's queries, each searched with the candidate's settings. */
export function labelledRecall(set: LabelledSet, search: RankedDocuments): RecallProbe {
  return {
    async measure(settings) {
      if (set.queries.length === 0) return 0;
      // One query after another: the probe is a background check and should not load retrieve.
      let sum = 0;
      for (const { query, relevant } of set.queries) {
        sum += recallAt5(await search(query, settings), relevant);
      }
      return sum / set.queries.length;
    },
  };
}
