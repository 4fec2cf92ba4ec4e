import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { winRates } from '../../services/generate/src/experiments/domain/simulation.ts';

/*
 * The experiments' decision rule on simulated populations, seeded and bounded: the A/A
 * false-positive rate (how often equal variants are declared different) and the A/B power (how
 * often a truly better variant wins) at the design below — a two-proportion z-test on the
 * thumbs-up rate at a planned look every min_samples per variant, alpha Bonferroni-spent over the
 * looks. `node scripts/bench/experiments-sim.ts [runs]` writes reports/experiments-sim.json.
 */
const runs = Math.min(Number(process.argv[2] ?? 1_000) || 1_000, 10_000);
const design = { minSamples: 500, maxSamples: 5_000, alpha: 0.05 };
const baseline = 0.6;
const lifts = [0.02, 0.03, 0.05];

const started = performance.now();
const aa = winRates({ ...design, rates: { a: baseline, b: baseline } }, runs, 1);
const power = lifts.map((lift) => {
  const result = winRates({ ...design, rates: { a: baseline, b: baseline + lift } }, runs, 100_000);
  return {
    lift,
    power: (result.wins.b ?? 0) / runs,
    wrongWinner: (result.wins.a ?? 0) / runs,
    meanSamplesPerVariant: Math.round(result.meanSamplesPerVariant),
  };
});
const report = {
  test: 'two-proportion z-test, Bonferroni over the planned looks',
  design: { ...design, looks: Math.ceil(design.maxSamples / design.minSamples), baselineThumbsUp: baseline },
  runs,
  aaFalsePositiveRate: aa.decidedRate,
  abPower: power,
  elapsedSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
};
console.log(
  `A/A false-positive rate: ${(aa.decidedRate * 100).toFixed(2)} % over ${runs} runs (alpha ${design.alpha})`,
);
for (const row of power) {
  console.log(
    `A/B +${(row.lift * 100).toFixed(0)} points over ${baseline * 100} %: power ${(row.power * 100).toFixed(1)} %, wrong winner ${(row.wrongWinner * 100).toFixed(1)} %, ${row.meanSamplesPerVariant} samples per variant on average`,
  );
}
mkdirSync('reports', { recursive: true });
writeFileSync(join('reports', 'experiments-sim.json'), `${JSON.stringify(report, null, 2)}\n`);
