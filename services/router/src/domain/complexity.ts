/** Why a query looks hard or easy; the router reports these figures in its reason. */
export interface Complexity {
  score: number;
  complex: boolean;
  words: number;
  questionWords: number;
  clauses: number;
}

// Words that ask for reasoning rather than a lookup.
const REASONING_WORDS = new Set([
  'why',
  'how',
  'compare',
  'comparison',
  'contrast',
  'explain',
  'difference',
  'differences',
  'evaluate',
  'analyze',
  'analyse',
  'tradeoff',
  'tradeoffs',
  'trade-off',
  'trade-offs',
  'versus',
  'vs',
  'implications',
  'summarize',
  'summarise',
]);
const LOOKUP_WORDS = new Set(['what', 'which', 'who', 'when', 'where']);
const CLAUSE_JOINERS = new Set(['and', 'or', 'but', 'because', 'while', 'whereas', 'although', 'then', 'if']);

export const COMPLEX_THRESHOLD = 0.5;

/**
 * A cheap heuristic: long queries, queries asking for reasoning, and queries with several
 * clauses need a stronger model; a short lookup does not.
 */
export function estimateComplexity(query: string): Complexity {
  const words = query.toLowerCase().match(/[a-z0-9'-]+/g) ?? [];
  const reasoning = words.filter((word) => REASONING_WORDS.has(word)).length;
  const lookups = words.filter((word) => LOOKUP_WORDS.has(word)).length;
  const joiners = words.filter((word) => CLAUSE_JOINERS.has(word)).length;
  const separators = (query.match(/[,;:]/g) ?? []).length;
  const questionMarks = (query.match(/\?/g) ?? []).length;
  const clauses = 1 + joiners + separators + Math.max(0, questionMarks - 1);

  const lengthPart = Math.min(words.length / 40, 1) * 0.4;
  const reasoningPart = Math.min(reasoning * 0.3 + lookups * 0.05, 0.45);
  const clausePart = Math.min((clauses - 1) * 0.1, 0.3);
  const score = Math.round(Math.min(lengthPart + reasoningPart + clausePart, 1) * 100) / 100;
  return {
    score,
    complex: score >= COMPLEX_THRESHOLD,
    words: words.length,
    questionWords: reasoning + lookups,
    clauses,
  };
}
