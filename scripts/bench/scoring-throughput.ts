// How many candidates the scorer scores per second in one batch (pnpm bench:recommend, part 2):
// scoreBatch over BATCH candidates, repeated until REPEATS or the time bound, on one core.
import { SEED_WEIGHTS, scoreBatch } from '../../services/recommend/src/domain/scoring/index.ts';

export function scoringThroughput(batch: number, repeats: number, maxMs: number) {
  const candidates = Array.from({ length: batch }, (_, i) => ({
    id: `c${i}`,
    category: 'fees',
    action: 'raise-fee',
    target: `channel:${i}`,
    effects: {
      revenueDeltaFraction: ((i % 31) - 5) / 100,
      steps: 1 + (i % 7),
      risk: (i % 10) / 12,
      daysToValue: i % 21,
      inputsPresent: 1 + (i % 4),
      inputsExpected: 4,
    },
  }));
  const context = { health: 0.7, networkConditions: 0.6, metricCompleteness: 0.9 };
  scoreBatch(candidates.slice(0, 100), context, SEED_WEIGHTS); // warm the JIT
  const times: number[] = [];
  const started = performance.now();
  for (let r = 0; r < repeats && performance.now() - started < maxMs; r++) {
    const t0 = performance.now();
    scoreBatch(candidates, context, SEED_WEIGHTS);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  return {
    batch,
    batches: times.length,
    medianBatchMs: median,
    candidatesPerSecond: (batch / median) * 1_000,
  };
}
