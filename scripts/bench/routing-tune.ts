// Fits the analyzer's weights, saturations and class thresholds to half of the labelled
// questions (data/routing/questions.jsonl, the even-numbered of each class) by random search,
// and reports the class accuracy on both halves, so the shipped numbers are judged on questions
// they were not fitted to. Prints the best config; copying it into routing-weights.json is a
// deliberate, reviewed step. Run: node scripts/bench/routing-tune.ts  (env: TUNE_TRIALS, TUNE_SEED)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gptTokenCounter } from '../../services/router/src/adapters/gpt-token-counter.ts';
import {
  loadDomainTermsFile,
  loadRoutingConfigFile,
} from '../../services/router/src/adapters/routing-files.ts';
import { ComplexityAnalyzer, DomainTerms } from '../../services/router/src/domain/complexity.ts';
import {
  COMPLEXITY_CLASSES,
  FEATURES,
  routingConfigProblems,
  type ComplexityClass,
  type FeatureName,
  type RoutingConfig,
} from '../../services/router/src/domain/routing-config.ts';

const trials = Number(process.env.TUNE_TRIALS ?? 40_000);
let seed = Number(process.env.TUNE_SEED ?? 12);
// A small deterministic PRNG (mulberry32), so a run can be repeated.
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

const root = join(import.meta.dirname, '../..');
const shipped = loadRoutingConfigFile(join(root, 'services/router/routing-weights.json'));
const analyzer = new ComplexityAnalyzer({
  config: shipped,
  domainTerms: new DomainTerms(loadDomainTermsFile(join(root, 'services/router/domain-terms.txt'))),
  countTokens: gptTokenCounter,
});
interface Row {
  label: number;
  dev: boolean;
  values: Record<FeatureName, number>;
}
const rows: Row[] = readFileSync(join(root, 'data/routing/questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const entry = JSON.parse(line) as { id: string; class: ComplexityClass; question: string };
    const features = analyzer.analyze(entry.question, 0).features;
    const values = Object.fromEntries(features.map((feature) => [feature.name, feature.value])) as Record<
      FeatureName,
      number
    >;
    // The analyzer counts questions beyond the first; the raw value is the total.
    values.questions = Math.max(0, values.questions - 1);
    return {
      label: COMPLEXITY_CLASSES.indexOf(entry.class),
      dev: Number(entry.id.slice(-2)) % 2 === 0,
      values,
    };
  });

const scoreOf = (config: RoutingConfig, values: Record<FeatureName, number>) =>
  Math.min(
    FEATURES.reduce(
      (sum, name) => sum + Math.min(values[name] / config.saturation[name], 1) * config.weights[name],
      0,
    ),
    1,
  );
const classOf = (config: RoutingConfig, score: number) =>
  score >= config.thresholds.reasoning
    ? 3
    : score >= config.thresholds.complex
      ? 2
      : score >= config.thresholds.medium
        ? 1
        : 0;

function evaluate(config: RoutingConfig, dev: boolean) {
  const subset = rows.filter((row) => row.dev === dev);
  let correct = 0;
  let under = 0;
  for (const row of subset) {
    const predicted = classOf(config, scoreOf(config, row.values));
    if (predicted === row.label) correct += 1;
    if (predicted < row.label) under += 1;
  }
  return { accuracy: correct / subset.length, under: under / subset.length };
}

const SATURATION: Record<FeatureName, number[]> = {
  tokens: [20, 30, 40, 60, 80],
  questions: [1, 2, 3],
  clauses: [2, 3, 4, 6],
  reasoning_verbs: [1, 2, 3],
  code_or_math: [1, 2, 3, 4],
  comparison: [1, 2, 3],
  domain_terms: [2, 3, 4, 6],
  conversation_depth: [12],
};
const round = (value: number) => Math.round(value * 100) / 100;

let best = { config: shipped, objective: -Infinity };
for (let trial = 0; trial < trials; trial += 1) {
  const weights = Object.fromEntries(FEATURES.map((name) => [name, round(random() * 0.4)])) as Record<
    FeatureName,
    number
  >;
  weights.conversation_depth = shipped.weights.conversation_depth; // no depth in the set: keep it
  const saturation = Object.fromEntries(FEATURES.map((name) => [name, pick(SATURATION[name])])) as Record<
    FeatureName,
    number
  >;
  const cuts = [random(), random(), random()].map((value) => round(0.03 + value * 0.7)).sort((a, b) => a - b);
  if (!(cuts[0]! < cuts[1]! && cuts[1]! < cuts[2]!)) continue;
  const config: RoutingConfig = {
    weights,
    saturation,
    thresholds: { medium: cuts[0]!, complex: cuts[1]!, reasoning: cuts[2]! },
    qualityBars: shipped.qualityBars,
  };
  const { accuracy, under } = evaluate(config, true);
  // Sending a question below its bar costs quality, above it only money: under-classing weighs more.
  const objective = accuracy - 0.25 * under;
  if (objective > best.objective) best = { config, objective };
}

if (routingConfigProblems(best.config).length > 0)
  throw new Error(routingConfigProblems(best.config).join('; '));
console.log(
  JSON.stringify(
    {
      shipped: { dev: evaluate(shipped, true), held_out: evaluate(shipped, false) },
      best: { dev: evaluate(best.config, true), held_out: evaluate(best.config, false) },
      config: best.config,
    },
    null,
    2,
  ),
);
