/** Graded relevance of a query's judged documents (absent: 0). */
export type Judgments = ReadonlyMap<string, number>;

/** nDCG@k with gain 2^rel - 1 and log2(rank + 1) discount; the ideal ranks all judged documents. */
export function ndcgAt(ranked: readonly string[], judgments: Judgments, k: number): number {
  const dcg = ranked
    .slice(0, k)
    .reduce((sum, id, i) => sum + gain(judgments.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...judgments.values()]
    .filter((rel) => rel > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, rel, i) => sum + gain(rel) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Share of the relevant documents (rel > 0) found in the top k. */
export function recallAt(ranked: readonly string[], judgments: Judgments, k: number): number {
  const relevant = [...judgments.values()].filter((rel) => rel > 0).length;
  if (relevant === 0) return 0;
  return ranked.slice(0, k).filter((id) => (judgments.get(id) ?? 0) > 0).length / relevant;
}

/** 1 / rank of the first relevant document, 0 when none was returned. */
export function reciprocalRank(ranked: readonly string[], judgments: Judgments): number {
  const first = ranked.findIndex((id) => (judgments.get(id) ?? 0) > 0);
  return first === -1 ? 0 : 1 / (first + 1);
}

/** Document ids in the order they first appear: chunk hits of one document count once. */
export function uniqueDocuments(documentIds: readonly string[]): string[] {
  return [...new Set(documentIds)];
}

export interface QueryScores {
  ndcg10: number;
  recall10: number;
  recall100: number;
  mrr: number;
}

export function scoreQuery(ranked: readonly string[], judgments: Judgments): QueryScores {
  return {
    ndcg10: ndcgAt(ranked, judgments, 10),
    recall10: recallAt(ranked, judgments, 10),
    recall100: recallAt(ranked, judgments, 100),
    mrr: reciprocalRank(ranked, judgments),
  };
}

export function mean(scores: readonly QueryScores[]): QueryScores {
  const n = scores.length || 1;
  const sum = (key: keyof QueryScores) => scores.reduce((total, s) => total + s[key], 0) / n;
  return { ndcg10: sum('ndcg10'), recall10: sum('recall10'), recall100: sum('recall100'), mrr: sum('mrr') };
}

function gain(rel: number): number {
  return 2 ** rel - 1;
}
