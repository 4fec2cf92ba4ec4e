import { contentTerms } from '../adapters/extractive/terms.ts';
import type { Passage } from '../domain/ports.ts';

const SCORE_LINE = /score\s*[:=]\s*(\d{1,3}(?:\.\d+)?)/gi;

/**
 * The 0–100 signal of the decision specialist's output: its last "SCORE: n" (the template asks
 * for it on the last line; a model that reasons about "a score: 40" first still ends with its
 * verdict). Undefined when there is none, or it is out of range (never clamped into a verdict
 * the model did not give).
 */
export function parseDecisionScore(text: string): number | undefined {
  let last: number | undefined;
  for (const match of text.matchAll(SCORE_LINE)) last = Number(match[1]);
  return last !== undefined && last >= 0 && last <= 100 ? last : undefined;
}

/**
 * The offline decision signal, when no model wrote a score (the extractive provider): how much
 * of the question the sources cover (70 points: the share of the question's content terms found
 * in the passages) and how well they matched (30 points: the best passage's retrieval score,
 * capped at 1). Deterministic: the same question over the same passages gets the same score.
 */
export function heuristicDecisionScore(question: string, passages: readonly Passage[]): number {
  const terms = [...new Set(contentTerms(question))];
  if (terms.length === 0 || passages.length === 0) return 0;
  const sourceTerms = new Set(
    passages.flatMap((passage) => contentTerms(`${passage.title} ${passage.text}`)),
  );
  const coverage = terms.filter((term) => sourceTerms.has(term)).length / terms.length;
  const best = Math.min(1, Math.max(0, ...passages.map((passage) => passage.score)));
  return Math.round(coverage * 70 + best * 30);
}
