// The recommendation half's figures, in one run (pnpm bench:recommend):
//   1. learning: 10 rounds of recommend → apply → measure → refit on synthetic subjects with
//      hidden weights (recommend-learning.ts): distance to the hidden weights and the top-5's
//      mean effectiveness per round, learned vs the fixed seed weights vs the oracle;
//   2. scoring throughput: candidates scored per second in one batch (scoring-throughput.ts);
//   3. Recommend through the fleet (recommend-latency.ts): time to the first NDJSON event and to
//      `complete` for a demo Lightning node, with the offline extractive provider.
// Env: BENCH_ROUNDS (10), BENCH_SUBJECTS (60), BENCH_SEED (13), BENCH_RECOMMENDS (40),
// BENCH_SKIP_FLEET (set: parts 1–2 only), BENCH_MAX_SECONDS (600).
import { percentile, writeReport } from './report.ts';
import { HIDDEN_WEIGHTS, SERVICE_FIT_DEFAULTS, simulateLearning } from './recommend-learning.ts';
import { scoringThroughput } from './scoring-throughput.ts';

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const deadline = Date.now() + number('BENCH_MAX_SECONDS', 600) * 1_000;
const fixed = (value: number, places = 3) => value.toFixed(places);

const rounds = simulateLearning({
  rounds: number('BENCH_ROUNDS', 10),
  subjects: number('BENCH_SUBJECTS', 60),
  candidatesPerSubject: 20,
  applied: 5,
  noise: 0.05,
  seed: number('BENCH_SEED', 13),
  fit: SERVICE_FIT_DEFAULTS,
});
console.log('1. learning (hidden weights', JSON.stringify(HIDDEN_WEIGHTS), ')\n');
console.log(
  '| round | weights | L1 to hidden | top-5 learned | top-5 seed | top-5 oracle | learned vs seed |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rounds) {
  const gain = (r.learnedTop5 / r.seedTop5 - 1) * 100;
  console.log(
    `| ${r.round} | ${r.weightsVersion} | ${fixed(r.distanceToHidden)} | ${fixed(r.learnedTop5)} | ${fixed(r.seedTop5)} | ${fixed(r.oracleTop5)} | ${gain >= 0 ? '+' : ''}${gain.toFixed(1)} % |`,
  );
}
const first = rounds[0]!;
const last = rounds.at(-1)!;
const headroom = (r: (typeof rounds)[number]) => (r.learnedTop5 - r.seedTop5) / (r.oracleTop5 - r.seedTop5);
console.log(
  `\nround ${last.round}: learned top-5 ${fixed(last.learnedTop5)} vs seed ${fixed(last.seedTop5)} ` +
    `(${((last.learnedTop5 / last.seedTop5 - 1) * 100).toFixed(1)} %), ` +
    `${(headroom(last) * 100).toFixed(0)} % of the way from seed to oracle; ` +
    `L1 to hidden ${fixed(first.distanceToHidden)} → ${fixed(last.distanceToHidden)}`,
);

const throughput = scoringThroughput(10_000, 50, 20_000);
console.log(
  `\n2. scoring throughput: ${Math.round(throughput.candidatesPerSecond).toLocaleString('en')} candidates/s ` +
    `(batches of ${throughput.batch}, median ${fixed(throughput.medianBatchMs, 2)} ms over ${throughput.batches})`,
);

let latency: Record<string, unknown> | undefined;
if (!process.env.BENCH_SKIP_FLEET) {
  const { recommendLatency } = await import('./recommend-latency.ts');
  latency = await recommendLatency(number('BENCH_RECOMMENDS', 40), deadline);
}

const file = writeReport('recommend', {
  learning: { hiddenWeights: HIDDEN_WEIGHTS, fit: SERVICE_FIT_DEFAULTS, rounds },
  scoring: throughput,
  ...(latency && { recommend: latency }),
});
console.log(`\nreport: ${file}`);
export { percentile };
