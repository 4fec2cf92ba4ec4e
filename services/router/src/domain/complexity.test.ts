import { describe, expect, it } from '@jest/globals';
import { ComplexityAnalyzer, DomainTerms, TOKENIZED_CHARS } from './complexity.ts';
import { FEATURES, routingConfigProblems, type FeatureName, type RoutingConfig } from './routing-config.ts';

// One weight per feature, each saturating at 1, so a test reads a feature's value off its contribution.
const unit = Object.fromEntries(FEATURES.map((name) => [name, 1])) as Record<FeatureName, number>;
const config: RoutingConfig = {
  weights: { ...unit },
  saturation: {
    ...unit,
    tokens: 100,
    clauses: 10,
    reasoning_verbs: 10,
    code_or_math: 10,
    comparison: 10,
    domain_terms: 10,
    conversation_depth: 10,
    questions: 10,
  },
  thresholds: { medium: 0.1, complex: 0.3, reasoning: 0.6 },
  qualityBars: { simple: 10, medium: 40, complex: 60, reasoning: 80 },
};
const words: (text: string) => number = (text) => text.split(/\s+/).filter(Boolean).length;
const analyzer = (overrides: Partial<RoutingConfig> = {}, terms = ['vector search', 'bm25', 'vector']) =>
  new ComplexityAnalyzer({
    config: { ...config, ...overrides },
    domainTerms: new DomainTerms(terms),
    countTokens: words,
  });

const value = (query: string, feature: FeatureName, depth = 0) =>
  analyzer()
    .analyze(query, depth)
    .features.find((entry) => entry.name === feature)?.value;

describe('ComplexityAnalyzer features', () => {
  it('counts tokens with the counter it is given, and estimates past the tokenized prefix', () => {
    expect(value('one two three', 'tokens')).toBe(3);
    const long = 'word '.repeat((TOKENIZED_CHARS / 5) * 2);
    expect(value(long, 'tokens')).toBe((TOKENIZED_CHARS / 5) * 2);
  });

  it('counts questions, a question without a mark as one', () => {
    expect(value('tell me about bm25', 'questions')).toBe(1);
    expect(value('What is it? Where is it? Why?', 'questions')).toBe(3);
  });

  it('counts clauses beyond the first from joiners, separators and further questions', () => {
    expect(value('what is bm25', 'clauses')).toBe(0);
    expect(value('index it, then search it and rank it; done? yes?', 'clauses')).toBe(5);
  });

  it('counts reasoning verbs', () => {
    expect(
      value('Why does it fail? Prove it and derive the bound, then analyze it.', 'reasoning_verbs'),
    ).toBe(4);
    expect(value('What is the port?', 'reasoning_verbs')).toBe(0);
  });

  it('counts code and math marks', () => {
    expect(value('plain words only', 'code_or_math')).toBe(0);
    expect(value('solve x^2 = 4 in `f(x)` and its integral', 'code_or_math')).toBeGreaterThanOrEqual(3);
  });

  it('counts comparison words', () => {
    expect(value('Compare BM25 versus vector search: pros and cons', 'comparison')).toBe(4);
  });

  it('counts distinct domain terms as whole words, the longest match first', () => {
    expect(value('vector search beats bm25; bm25 again', 'domain_terms')).toBe(2);
    expect(value('vectors are not terms', 'domain_terms')).toBe(0);
    expect(new DomainTerms([' BM25 ', 'bm25', '']).size).toBe(1);
  });

  it('takes the conversation depth as given', () => {
    expect(value('and then?', 'conversation_depth', 7)).toBe(7);
  });
});

describe('ComplexityAnalyzer score and class', () => {
  it('sums capped, weighted contributions and names them, largest first', () => {
    const result = analyzer({
      weights: { ...unit, tokens: 0.5 },
      saturation: { ...unit, tokens: 4 },
    }).analyze('one two', 0);
    const tokens = result.features.find((feature) => feature.name === 'tokens');
    expect(tokens).toEqual({ name: 'tokens', value: 2, contribution: 0.25 });
    expect(result.features[0]?.contribution).toBeGreaterThanOrEqual(
      result.features.at(-1)?.contribution ?? 0,
    );
    expect(result.score).toBe(0.25);
  });

  it('caps every feature at its saturation and the score at 1', () => {
    const result = analyzer().analyze('why '.repeat(500), 0);
    expect(result.features.find((feature) => feature.name === 'reasoning_verbs')?.contribution).toBe(1);
    expect(result.score).toBe(1);
  });

  it.each([
    ['simple', 0.05],
    ['medium', 0.1],
    ['complex', 0.45],
    ['reasoning', 0.6],
  ])('classes a score by the thresholds: %s', (expected, depthShare) => {
    // Only depth weighs, so the score is the depth share exactly.
    const onlyDepth = {
      ...Object.fromEntries(FEATURES.map((name) => [name, 0])),
      conversation_depth: 1,
    } as Record<FeatureName, number>;
    const result = analyzer({ weights: onlyDepth }).analyze('x', depthShare * 10);
    expect(result.complexityClass).toBe(expected);
  });
});

describe('routing config validation', () => {
  it('accepts a sound config', () => {
    expect(routingConfigProblems(config)).toEqual([]);
  });

  it('names each problem: unknown feature, negative weight, falling thresholds and bars, all zero', () => {
    const problems = routingConfigProblems({
      ...config,
      weights: { ...Object.fromEntries(FEATURES.map((name) => [name, 0])), tokens: -1, vibes: 1 },
      thresholds: { medium: 0.5, complex: 0.4, reasoning: 0.6 },
      qualityBars: { simple: 50, medium: 40, complex: 60, reasoning: 80 },
    });
    expect(problems.join('\n')).toMatch(/weights\.tokens/);
    expect(problems.join('\n')).toMatch(/vibes/);
    const sound = routingConfigProblems({
      ...config,
      weights: Object.fromEntries(FEATURES.map((name) => [name, 0])),
      thresholds: { medium: 0.5, complex: 0.4, reasoning: 0.6 },
      qualityBars: { simple: 50, medium: 40, complex: 60, reasoning: 80 },
    });
    expect(sound).toEqual([
      'thresholds: must rise: medium 0.5 < complex 0.4 < reasoning 0.6',
      'qualityBars: must not fall from simple to reasoning: 50, 40, 60, 80',
      'weights: all weights are 0',
    ]);
  });
});
