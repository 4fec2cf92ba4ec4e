import type { NumberedPassage } from '../../domain/ports.ts';
import { splitSentences } from './sentences.ts';
import { contentTerms } from './terms.ts';

export interface ExtractiveOptions {
  /** How many sentences the answer quotes at most. */
  maxSentences: number;
  /** Sentences scoring below this share of the best one are left out as weak evidence. */
  minRelativeScore: number;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = { maxSentences: 3, minRelativeScore: 0.35 };

export const NOTHING_RETRIEVED =
  'I found no passages in the indexed documents for this question, so I cannot answer it.';
export const NOTHING_RELEVANT =
  'The retrieved passages do not mention what this question asks about, so I cannot answer it from the indexed documents.';

interface Candidate {
  text: string;
  terms: Set<string>;
  length: number;
  passage: number;
  position: number;
  score: number;
}

export interface ExtractiveAnswer {
  text: string;
  /** Citation numbers quoted, in answer order; empty when nothing relevant was found. */
  cited: number[];
}

/** Puts the marker before the closing punctuation: "... runs hot [2]." */
function withCitation(sentence: string, index: number): string {
  const match = /[.!?]["')\]]*$/.exec(sentence);
  if (!match) return `${sentence} [${index}].`;
  return `${sentence.slice(0, match.index)} [${index}]${sentence.slice(match.index)}`;
}

function candidatesOf(passages: NumberedPassage[]): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const passage of passages) {
    splitSentences(passage.text).forEach((text, position) => {
      // Overlapping chunks repeat sentences; quote each once, from the better-ranked passage.
      const key = text.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      const terms = contentTerms(text);
      candidates.push({
        text,
        terms: new Set(terms),
        length: terms.length,
        passage: passage.index,
        position,
        score: 0,
      });
    });
  }
  return candidates;
}

/**
 * The offline answerer: quotes the retrieved sentences that best match the query. A sentence
 * scores the IDF weights of the query terms it contains (rare terms count more than common
 * ones), damped for very long sentences; the best few are quoted in document order with their
 * citation numbers. Deterministic: same input, same answer.
 */
export function composeExtractiveAnswer(
  query: string,
  passages: NumberedPassage[],
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
): ExtractiveAnswer {
  if (passages.length === 0) return { text: NOTHING_RETRIEVED, cited: [] };
  const queryTerms = [...new Set(contentTerms(query))];
  const candidates = candidatesOf(passages);
  if (queryTerms.length === 0 || candidates.length === 0) return { text: NOTHING_RELEVANT, cited: [] };

  const total = candidates.length;
  const idf = new Map(
    queryTerms.map((term) => {
      const df = candidates.filter((candidate) => candidate.terms.has(term)).length;
      return [term, df === 0 ? 0 : Math.log(1 + total / df)];
    }),
  );
  for (const candidate of candidates) {
    const matched = queryTerms.reduce(
      (sum, term) => sum + (candidate.terms.has(term) ? (idf.get(term) ?? 0) : 0),
      0,
    );
    candidate.score = matched / (1 + Math.max(0, candidate.length - 30) / 30);
  }

  const ranked = candidates
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || a.passage - b.passage || a.position - b.position);
  const best = ranked[0];
  if (!best) return { text: NOTHING_RELEVANT, cited: [] };

  const chosen = ranked
    .filter((candidate) => candidate.score >= best.score * options.minRelativeScore)
    .slice(0, options.maxSentences)
    .sort((a, b) => a.passage - b.passage || a.position - b.position);
  return {
    text: chosen.map((candidate) => withCitation(candidate.text, candidate.passage)).join(' '),
    cited: chosen.map((candidate) => candidate.passage),
  };
}
