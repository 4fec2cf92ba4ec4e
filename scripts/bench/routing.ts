// Routing economics, in one run: how long a routing decision takes (in-process analyzer + policy,
// and one Route call over gRPC to a router process), and on the labelled questions of
// data/routing/questions.jsonl what each strategy spends per question, how often it answers with
// a model below the question's quality bar, and how often the router's class matches the label.
// Run: flock /tmp/ragfleet-bench.lock node scripts/bench/routing.ts  (env: BENCH_ROUNDS, BENCH_CALLS)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RouterClient } from '../../packages/grpc/src/index.ts';
import { freePort, stopProcess, waitFor } from '../../packages/testing/src/index.ts';
import type { CatalogModel, ProviderName, Tier } from '../../services/router/src/domain/catalog.ts';
import { blendedPrice } from '../../services/router/src/domain/catalog.ts';
import type { ComplexityClass } from '../../services/router/src/domain/routing-config.ts';
import { COMPLEXITY_CLASSES } from '../../services/router/src/domain/routing-config.ts';
import { loadRoutingConfigFile } from '../../services/router/src/adapters/routing-files.ts';
import { routePolicyFromFiles } from '../../services/router/src/route-policy-from-files.ts';
import { percentile, writeReport } from './report.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 25);
const calls = Number(process.env.BENCH_CALLS ?? 2_000);
const ENABLED = new Set<ProviderName>(['extractive', 'ollama', 'anthropic']);
const TIERS_COMPARED: Tier[] = ['standard', 'premium', 'enterprise'];

/**
 * Tokens assumed per answer, by the question's labelled class: the prompt carries the question,
 * the retrieved passages and the template; harder questions get more passages and longer
 * answers. Assumptions, not measurements: they fix the ratio between strategies, not the bill.
 */
const ASSUMED_TOKENS: Record<ComplexityClass, { input: number; output: number }> = {
  simple: { input: 800, output: 150 },
  medium: { input: 1_500, output: 350 },
  complex: { input: 2_500, output: 700 },
  reasoning: { input: 3_000, output: 1_200 },
};

interface Labelled {
  id: string;
  class: ComplexityClass;
  question: string;
}
const questions = readFileSync(join(import.meta.dirname, '../../data/routing/questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Labelled);

const policy = routePolicyFromFiles({ enabled: ENABLED });
const catalogModels = policy.models();

const micros = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => Math.round(percentile(sorted, p) * 1000) / 1000;
  return { samples: sorted.length, p50_us: at(50), p99_us: at(99), max_us: at(100) };
};

// 1. Decision time in-process: the analyzer and the policy, as the Route handler runs them.
async function timeInProcess(texts: string[], tier: Tier): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of texts) {
      const started = process.hrtime.bigint();
      await policy.route({ query, tier, prefer: 'cost' });
      samples.push(Number(process.hrtime.bigint() - started) / 1_000);
    }
  }
  return samples;
}
const texts = questions.map((entry) => entry.question);
await timeInProcess(texts.slice(0, 50), 'premium'); // JIT warm-up, not counted
const inProcess = micros(await timeInProcess(texts, 'premium'));
// A long prompt-sized question (about 3,000 characters): the tokenizer's share grows with length.
const longText = Array.from({ length: 12 }, (_, index) => texts[index * 16]).join(' ');
const inProcessLong = micros(
  await timeInProcess(
    Array.from({ length: 8 }, () => longText),
    'premium',
  ),
);

// 2. Decision time through gRPC: a router process, one Route call at a time (loopback).
const grpcPort = await freePort();
const opsPort = await freePort();
const router = spawn(process.execPath, [join(import.meta.dirname, '../../services/router/src/main.ts')], {
  env: {
    PATH: process.env.PATH ?? '',
    LOG_LEVEL: 'warn',
    GRPC_PORT: String(grpcPort),
    METRICS_PORT: String(opsPort),
    ENABLED_PROVIDERS: 'extractive,ollama,anthropic',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const client = new RouterClient(`127.0.0.1:${grpcPort}`);
let overGrpc: ReturnType<typeof micros>;
let serverSide: { p50_us: number; p99_us: number; count: number } | undefined;
try {
  await waitFor(async () => (await client.listModels()).models.length > 0, 15_000);
  for (let index = 0; index < 200; index += 1) {
    await client.route({ query: texts[index % texts.length] as string, tier: 'premium' });
  }
  const samples: number[] = [];
  for (let index = 0; index < calls; index += 1) {
    const started = process.hrtime.bigint();
    await client.route({ query: texts[index % texts.length] as string, tier: 'premium' });
    samples.push(Number(process.hrtime.bigint() - started) / 1_000);
  }
  overGrpc = micros(samples);
  serverSide = await decisionHistogram(`http://127.0.0.1:${opsPort}/metrics`);
} finally {
  client.close();
  await stopProcess(router);
}

/** p50/p99 upper bounds from the router's own ragfleet_router_decision_seconds buckets. */
async function decisionHistogram(url: string) {
  const text = await (await fetch(url)).text();
  const buckets = [
    ...text.matchAll(/^ragfleet_router_decision_seconds_bucket\{[^}]*le="([^"]+)"[^}]*\} (\d+)/gm),
  ].map((match) => ({ le: match[1] === '+Inf' ? Infinity : Number(match[1]), count: Number(match[2]) }));
  const count = buckets.at(-1)?.count ?? 0;
  const bound = (p: number) => (buckets.find((bucket) => bucket.count >= count * p)?.le ?? NaN) * 1e6;
  return { count, p50_us: bound(0.5), p99_us: bound(0.99) };
}

// 3. Cost, quality bar and class accuracy on the labelled set.
// The bars the router itself uses (the shipped weights file).
const bars = loadRoutingConfigFile(
  join(import.meta.dirname, '../../services/router/routing-weights.json'),
).qualityBars;
const costOf = (model: CatalogModel, labelled: ComplexityClass) =>
  (ASSUMED_TOKENS[labelled].input * model.inputPricePerMtok +
    ASSUMED_TOKENS[labelled].output * model.outputPricePerMtok) /
  1e6;

interface StrategyFigures {
  cost_per_question_usd: number;
  total_usd: number;
  below_bar_share: number;
  models: Record<string, number>;
}
function figures(choices: Array<{ model: CatalogModel; labelled: ComplexityClass }>): StrategyFigures {
  const models: Record<string, number> = {};
  let total = 0;
  let below = 0;
  for (const { model, labelled } of choices) {
    total += costOf(model, labelled);
    if (model.quality < bars[labelled]) below += 1;
    const key = `${model.provider}/${model.model}`;
    models[key] = (models[key] ?? 0) + 1;
  }
  return {
    cost_per_question_usd: Math.round((total / choices.length) * 1e6) / 1e6,
    total_usd: Math.round(total * 1e4) / 1e4,
    below_bar_share: Math.round((below / choices.length) * 1000) / 1000,
    models,
  };
}

const confusion: Record<string, Record<string, number>> = {};
const byTier: Record<string, Record<string, StrategyFigures | number>> = {};
// Even-numbered questions of each class are the half scripts/bench/routing-tune.ts fits the
// weights to; odd-numbered ones are held out, so their accuracy is the one to believe.
const correct = { all: 0, fitted: 0, held_out: 0 };
const isFitted = (id: string) => Number(id.slice(-2)) % 2 === 0;
for (const tier of TIERS_COMPARED) {
  const online = catalogModels.filter(
    (model) => model.provider !== 'extractive' && model.tiers.includes(tier),
  );
  const strongest = [...online].sort((a, b) => b.quality - a.quality)[0] as CatalogModel;
  const cheapest = [...online].sort(
    (a, b) => blendedPrice(a) - blendedPrice(b) || b.quality - a.quality,
  )[0] as CatalogModel;
  const cheapestHosted = [...online]
    .filter((model) => blendedPrice(model) > 0)
    .sort((a, b) => blendedPrice(a) - blendedPrice(b))[0] as CatalogModel;
  const routed: Array<{ model: CatalogModel; labelled: ComplexityClass }> = [];
  for (const entry of questions) {
    const decision = await policy.route({ query: entry.question, tier, prefer: 'cost' });
    routed.push({ model: decision.chain[0] as CatalogModel, labelled: entry.class });
    if (tier === 'premium') {
      const predicted = decision.complexity.complexityClass;
      const row = (confusion[entry.class] ??= Object.fromEntries(
        COMPLEXITY_CLASSES.map((name) => [name, 0]),
      ));
      row[predicted] = (row[predicted] ?? 0) + 1;
      if (predicted === entry.class) {
        correct.all += 1;
        correct[isFitted(entry.id) ? 'fitted' : 'held_out'] += 1;
      }
    }
  }
  const all = (model: CatalogModel) => questions.map((entry) => ({ model, labelled: entry.class }));
  const router = figures(routed);
  const premium = figures(all(strongest));
  byTier[tier] = {
    router,
    always_premium: premium,
    always_cheapest: figures(all(cheapest)),
    always_cheapest_hosted: figures(all(cheapestHosted)),
    router_saving_vs_premium: Math.round((1 - router.total_usd / premium.total_usd) * 1000) / 1000,
  };
}

const report = {
  questions: questions.length,
  rounds,
  decision_time: {
    in_process: inProcess,
    in_process_long_question_3k_chars: inProcessLong,
    grpc_round_trip: overGrpc,
    grpc_server_side_histogram_upper_bounds: serverSide,
    goal: 'p99 under 1 ms (in-process decision)',
  },
  assumed_tokens_per_class: ASSUMED_TOKENS,
  quality_bars: bars,
  class_accuracy: {
    all: Math.round((correct.all / questions.length) * 1000) / 1000,
    fitted_half: Math.round((correct.fitted / (questions.length / 2)) * 1000) / 1000,
    held_out_half: Math.round((correct.held_out / (questions.length / 2)) * 1000) / 1000,
  },
  confusion_label_to_predicted: confusion,
  cost_by_tier: byTier,
};
const file = writeReport('bench-routing', report);
console.log(JSON.stringify(report, null, 2));
console.log(`written to ${file}`);
