import type { RerankCandidate, Reranker } from './reranker.ts';

/**
 * Maximal marginal relevance (Carbonell & Goldstein): picks, one at a time, the candidate that
 * maximizes λ·relevance − (1−λ)·(its highest cosine similarity to those already picked), so that
 * near-duplicate chunks do not crowd out the rest. Relevance is the fused score scaled to [0, 1]
 * over the candidates, so λ means the same whatever the fusion method.
 */
export class MmrReranker implements Reranker {
  readonly name = 'mmr';
  readonly lambda: number;

  constructor(lambda: number) {
    this.lambda = lambda;
  }

  async rerank(_query: string, candidates: RerankCandidate[], k: number): Promise<RerankCandidate[]> {
    if (candidates.length === 0) return [];
    const scores = candidates.map((candidate) => candidate.fusedScore);
    const min = Math.min(...scores);
    const range = Math.max(...scores) - min;
    const relevance = scores.map((score) => (range === 0 ? 1 : (score - min) / range));
    const unit = candidates.map((candidate) => normalize(candidate.vector));
    const maxSimilarity = new Array<number>(candidates.length).fill(-Infinity);
    const remaining = new Set(candidates.keys());
    const picked: RerankCandidate[] = [];
    while (picked.length < k && remaining.size > 0) {
      let best = -1;
      let bestValue = -Infinity;
      for (const i of remaining) {
        const redundancy = picked.length === 0 ? 0 : (maxSimilarity[i] ?? 0);
        const value = this.lambda * (relevance[i] ?? 0) - (1 - this.lambda) * redundancy;
        if (value > bestValue) [best, bestValue] = [i, value];
      }
      remaining.delete(best);
      const chosen = candidates[best];
      if (!chosen) break;
      picked.push(chosen);
      for (const i of remaining)
        maxSimilarity[i] = Math.max(maxSimilarity[i] ?? -Infinity, dot(unit[i] ?? [], unit[best] ?? []));
    }
    return picked;
  }
}

/** Keeps the fused order: the stage switched off. */
export class IdentityReranker implements Reranker {
  readonly name = 'none';

  async rerank(_query: string, candidates: RerankCandidate[], k: number): Promise<RerankCandidate[]> {
    return candidates.slice(0, k);
  }
}

function normalize(vector: number[]): number[] {
  const norm = Math.sqrt(dot(vector, vector)) || 1;
  return vector.map((value) => value / norm);
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}
