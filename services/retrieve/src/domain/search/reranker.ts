import type { FusedHit } from './fusion.ts';

/** A fused candidate with what a reranker may need: its text and its vector. */
export interface RerankCandidate extends FusedHit {
  text: string;
  vector: number[];
}

/**
 * Reorders fused candidates and keeps k. Implementations: maximal marginal relevance (diversity);
 * a cross-encoder would score (query, text) pairs behind the same interface.
 */
export interface Reranker {
  readonly name: string;
  rerank(query: string, candidates: RerankCandidate[], k: number): Promise<RerankCandidate[]>;
}
