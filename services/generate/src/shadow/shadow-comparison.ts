import type { NumberedPassage } from '../domain/ports.ts';

/** One side of a shadow comparison, read off its answer stream. */
export interface AnswerOutcome {
  /** From the stream's start to its end, in ms. */
  latencyMs: number;
  costUsd: number;
  text: string;
  /** The documents its [n] markers cite. */
  citedDocumentIds: readonly string[];
  /** The error code it ended with; undefined when it finished with done. */
  error?: string;
}

/** The candidate against the primary, for one request. */
export interface ShadowComparison {
  at: string;
  candidate: string;
  /** Candidate minus primary. */
  latencyMsDelta: number;
  costUsdDelta: number;
  /** Candidate's length over the primary's, in characters (1 when both are empty). */
  lengthRatio: number;
  /** Jaccard of the cited document ids (1 when neither cites anything). */
  citationOverlap: number;
  shadowError?: string;
  shadowCostUsd: number;
}

const MARKER = /\[(\d+)\]/g;

/** The documents an answer's [n] markers name, by the citations it was given. */
export function citedDocumentIds(text: string, citations: readonly NumberedPassage[]): string[] {
  const byIndex = new Map(citations.map((citation) => [citation.index, citation.documentId]));
  const cited = new Set<string>();
  for (const match of text.matchAll(MARKER)) {
    const documentId = byIndex.get(Number(match[1]));
    if (documentId !== undefined) cited.add(documentId);
  }
  return [...cited].sort();
}

export function jaccard(left: readonly string[], right: readonly string[]): number {
  const a = new Set(left);
  const b = new Set(right);
  if (a.size === 0 && b.size === 0) return 1;
  const shared = [...a].filter((item) => b.has(item)).length;
  return shared / (a.size + b.size - shared);
}

export function compareShadow(
  candidate: string,
  primary: AnswerOutcome,
  shadow: AnswerOutcome,
  at: Date = new Date(),
): ShadowComparison {
  const primaryLength = primary.text.length;
  return {
    at: at.toISOString(),
    candidate,
    latencyMsDelta: shadow.latencyMs - primary.latencyMs,
    costUsdDelta: shadow.costUsd - primary.costUsd,
    lengthRatio:
      primaryLength === 0
        ? shadow.text.length === 0
          ? 1
          : shadow.text.length
        : shadow.text.length / primaryLength,
    citationOverlap: jaccard(primary.citedDocumentIds, shadow.citedDocumentIds),
    ...(shadow.error ? { shadowError: shadow.error } : {}),
    shadowCostUsd: shadow.costUsd,
  };
}
