export const FUSION_METHODS = ['rrf', 'minmax', 'zscore'] as const;
export type FusionMethod = (typeof FUSION_METHODS)[number];

export interface RankedHit {
  chunkId: string;
  documentId: string;
  score: number;
}

export interface FusionWeights {
  vector: number;
  keyword: number;
}

export interface FusionOptions {
  method: FusionMethod;
  weights: FusionWeights;
  /** The k of reciprocal rank fusion: larger values flatten the advantage of the top ranks. */
  rrfK: number;
}

/** A candidate with what each ranking said about it; a rank of 0 means it was not in that ranking. */
export interface FusedHit {
  chunkId: string;
  documentId: string;
  fusedScore: number;
  vectorScore: number;
  vectorRank: number;
  keywordScore: number;
  keywordRank: number;
}

/**
 * Merges the vector and keyword rankings into one.
 * - rrf: Σ weight / (rrfK + rank), rank-based, immune to the rankings' score scales.
 * - minmax: Σ weight × (score - min) / (max - min) over each ranking's candidates; absent = 0.
 * - zscore: Σ weight × (score - mean) / std; absent = the ranking's lowest z (no better than its worst).
 * Ties are broken by chunk id so that the order is a pure function of the inputs.
 */
export function fuse(vector: RankedHit[], keyword: RankedHit[], options: FusionOptions): FusedHit[] {
  const fused = new Map<string, FusedHit>();
  const entry = (hit: RankedHit): FusedHit => {
    let found = fused.get(hit.chunkId);
    if (!found) {
      found = {
        chunkId: hit.chunkId,
        documentId: hit.documentId,
        fusedScore: 0,
        vectorScore: 0,
        vectorRank: 0,
        keywordScore: 0,
        keywordRank: 0,
      };
      fused.set(hit.chunkId, found);
    }
    return found;
  };
  vector.forEach((hit, i) => Object.assign(entry(hit), { vectorScore: hit.score, vectorRank: i + 1 }));
  keyword.forEach((hit, i) => Object.assign(entry(hit), { keywordScore: hit.score, keywordRank: i + 1 }));

  const vectorPart = contribution(vector, options);
  const keywordPart = contribution(keyword, options);
  for (const hit of fused.values()) {
    hit.fusedScore =
      options.weights.vector * vectorPart(hit.vectorRank, hit.vectorScore) +
      options.weights.keyword * keywordPart(hit.keywordRank, hit.keywordScore);
  }
  return [...fused.values()].sort(
    (a, b) => b.fusedScore - a.fusedScore || (a.chunkId < b.chunkId ? -1 : a.chunkId > b.chunkId ? 1 : 0),
  );
}

/** What one ranking adds for a hit at `rank` (0: absent) with `score`, before weighting. */
function contribution(ranking: RankedHit[], options: FusionOptions): (rank: number, score: number) => number {
  if (ranking.length === 0) return () => 0;
  const scores = ranking.map((hit) => hit.score);
  switch (options.method) {
    case 'rrf':
      return (rank) => (rank === 0 ? 0 : 1 / (options.rrfK + rank));
    case 'minmax': {
      const min = Math.min(...scores);
      const range = Math.max(...scores) - min;
      return (rank, score) => (rank === 0 ? 0 : range === 0 ? 1 : (score - min) / range);
    }
    case 'zscore': {
      const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
      const std = Math.sqrt(scores.reduce((sum, s) => sum + (s - mean) ** 2, 0) / scores.length);
      const z = (score: number) => (std === 0 ? 0 : (score - mean) / std);
      const floor = z(Math.min(...scores));
      return (rank, score) => (rank === 0 ? floor : z(score));
    }
  }
}

/** A single ranking in the same shape, for the vector and keyword modes. */
export function single(ranking: RankedHit[], component: 'vector' | 'keyword'): FusedHit[] {
  return ranking.map((hit, i) => ({
    chunkId: hit.chunkId,
    documentId: hit.documentId,
    fusedScore: hit.score,
    vectorScore: component === 'vector' ? hit.score : 0,
    vectorRank: component === 'vector' ? i + 1 : 0,
    keywordScore: component === 'keyword' ? hit.score : 0,
    keywordRank: component === 'keyword' ? i + 1 : 0,
  }));
}
