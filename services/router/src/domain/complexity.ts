import { FEATURES, type ComplexityClass, type FeatureName, type RoutingConfig } from './routing-config.ts';
import type { TokenCounter } from './ports.ts';

/** One feature as the decision reports it: its raw value and what it added to the score. */
export interface FeatureScore {
  name: FeatureName;
  value: number;
  contribution: number;
}

export interface Complexity {
  score: number;
  complexityClass: ComplexityClass;
  /** Every feature, largest contribution first. */
  features: FeatureScore[];
  /** Tokens of the question (estimated past TOKENIZED_CHARS). */
  tokens: number;
}

// Verbs and question words that ask for an argument rather than a lookup.
const REASONING_VERBS = new Set([
  'why',
  'prove',
  'proof',
  'derive',
  'derivation',
  'deduce',
  'infer',
  'justify',
  'analyze',
  'analyse',
  'analysis',
  'explain',
  'reason',
  'evaluate',
  'assess',
  'critique',
  'demonstrate',
  'implications',
  'implication',
  'consequences',
  'design',
  'diagnose',
  'predict',
]);
const COMPARISON_WORDS = new Set([
  'compare',
  'comparison',
  'comparing',
  'versus',
  'vs',
  'contrast',
  'difference',
  'differences',
  'differ',
  'tradeoff',
  'tradeoffs',
  'trade-off',
  'trade-offs',
  'better',
  'worse',
  'pros',
  'cons',
]);
const MATH_WORDS = new Set([
  'equation',
  'integral',
  'derivative',
  'theorem',
  'lemma',
  'matrix',
  'eigenvalue',
  'probability',
  'variance',
  'logarithm',
  'complexity',
  'function',
  'algorithm',
  'regex',
  'sql',
  'json',
]);
const CLAUSE_JOINERS = new Set([
  'and',
  'or',
  'but',
  'because',
  'while',
  'whereas',
  'although',
  'then',
  'if',
  'unless',
  'so',
  'when',
]);
// Code and formula marks: fences and inline code, calls, operators, powers, big-O.
const CODE_OR_MATH = /```|`[^`]+`|\b\w+\([^)]*\)|[{}]|=>|==|!=|<=|>=|[=+*/^]\s*\d|\d\s*[=+*/^]|\bO\(/g;
const WORDS = /[a-z0-9][a-z0-9'-]*/g;

/**
 * The tokenizer costs a few microseconds per hundred characters; past this length the length
 * feature is long saturated, so the rest is estimated from the characters per token seen so far.
 */
export const TOKENIZED_CHARS = 4_000;

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A fixed, case-insensitive list of terms of the deployment's domain, matched as whole words. */
export class DomainTerms {
  readonly #pattern: RegExp | undefined;
  readonly size: number;

  constructor(terms: readonly string[]) {
    const unique = [...new Set(terms.map((term) => term.trim().toLowerCase()).filter(Boolean))];
    this.size = unique.length;
    // Longest first, so "vector search" wins over "vector" at the same place.
    const alternatives = unique
      .sort((a, b) => b.length - a.length)
      .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.#pattern =
      alternatives.length > 0 ? new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'g') : undefined;
  }

  /** How many different terms of the list the text names. */
  countIn(lowerText: string): number {
    if (!this.#pattern) return 0;
    return new Set(lowerText.match(this.#pattern) ?? []).size;
  }
}

export interface ComplexityAnalyzerOptions {
  config: RoutingConfig;
  domainTerms: DomainTerms;
  countTokens: TokenCounter;
}

/**
 * Scores how hard a question is from weighted features, with no I/O: each feature's raw value
 * is capped at its saturation, scaled to 0..1 and multiplied by its weight; the score is the
 * sum (at most 1) and the class the highest threshold it reaches.
 */
export class ComplexityAnalyzer {
  readonly #options: ComplexityAnalyzerOptions;

  constructor(options: ComplexityAnalyzerOptions) {
    this.#options = options;
  }

  get config(): RoutingConfig {
    return this.#options.config;
  }

  analyze(query: string, conversationDepth = 0): Complexity {
    const { config, domainTerms } = this.#options;
    const lower = query.toLowerCase();
    const words = lower.match(WORDS) ?? [];
    const tokens = this.#tokens(query);
    let reasoning = 0;
    let comparison = 0;
    let mathWords = 0;
    let joiners = 0;
    for (const word of words) {
      if (REASONING_VERBS.has(word)) reasoning += 1;
      if (COMPARISON_WORDS.has(word)) comparison += 1;
      if (MATH_WORDS.has(word)) mathWords += 1;
      if (CLAUSE_JOINERS.has(word)) joiners += 1;
    }
    const questionMarks = (query.match(/\?/g) ?? []).length;
    const separators = (query.match(/[,;:]/g) ?? []).length;
    const values: Record<FeatureName, number> = {
      tokens,
      // A question without a question mark is still one question.
      questions: Math.max(questionMarks, words.length > 0 ? 1 : 0),
      // Clauses beyond the first: joiners, separators and further questions.
      clauses: joiners + separators + Math.max(0, questionMarks - 1),
      reasoning_verbs: reasoning,
      code_or_math: (query.match(CODE_OR_MATH) ?? []).length + mathWords,
      comparison,
      domain_terms: domainTerms.countIn(lower),
      conversation_depth: conversationDepth,
    };
    // A single question adds nothing: the feature is about asking several at once.
    const counted: Record<FeatureName, number> = { ...values, questions: Math.max(0, values.questions - 1) };

    let total = 0;
    const features = FEATURES.map((name) => {
      const share = Math.min(counted[name] / config.saturation[name], 1);
      const contribution = share * config.weights[name];
      total += contribution;
      return { name, value: values[name], contribution: round(contribution) };
    });
    features.sort((a, b) => b.contribution - a.contribution);
    const score = round(Math.min(total, 1));
    return { score, complexityClass: this.#classOf(score), features, tokens };
  }

  #classOf(score: number): ComplexityClass {
    const { thresholds } = this.#options.config;
    if (score >= thresholds.reasoning) return 'reasoning';
    if (score >= thresholds.complex) return 'complex';
    if (score >= thresholds.medium) return 'medium';
    return 'simple';
  }

  #tokens(query: string): number {
    if (query.length <= TOKENIZED_CHARS) return this.#options.countTokens(query);
    const head = this.#options.countTokens(query.slice(0, TOKENIZED_CHARS));
    return Math.round((head * query.length) / TOKENIZED_CHARS);
  }
}
