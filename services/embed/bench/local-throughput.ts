// Local model throughput: texts/s through the worker pool with 1 worker, then with one per
// core, at the service's batch size. Run: node services/embed/bench/local-throughput.ts
// Options (env): BENCH_TEXTS (default 640), BENCH_ROUNDS (2), EMBED_BATCH_SIZE (32), EMBED_WORKERS
// (all cores). Rounds alternate 1 and N workers and the best of each is kept, because on a
// shared machine other processes steal cores unevenly.
import { availableParallelism } from 'node:os';
import { LocalModelPool } from '../src/adapters/local/local-model-pool.ts';

const totalTexts = Number(process.env.BENCH_TEXTS ?? 640);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const batchSize = Number(process.env.EMBED_BATCH_SIZE ?? 32);
const maxWorkers = Number(process.env.EMBED_WORKERS ?? availableParallelism());

const subjects = [
  'boundary layer',
  'shock wave',
  'heat transfer',
  'wing flutter',
  'turbulent jet',
  'nozzle flow',
];
const texts = Array.from(
  { length: totalTexts },
  (_, i) =>
    `Experimental study ${i} of ${subjects[i % subjects.length]} at Mach ${(i % 7) + 1}: ` +
    `measured pressure distributions are compared with theory for a range of Reynolds numbers.`,
);

async function measure(workers: number): Promise<number> {
  const pool = new LocalModelPool({ size: workers });
  try {
    await pool.start();
    await pool.embed(texts.slice(0, batchSize)); // warm-up: first graph execution compiles kernels
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += batchSize) batches.push(texts.slice(i, i + batchSize));
    const started = performance.now();
    await Promise.all(batches.map((batch) => pool.embed(batch)));
    return texts.length / ((performance.now() - started) / 1000);
  } finally {
    await pool.close();
  }
}

console.log(`${totalTexts} texts, batch ${batchSize}, ${availableParallelism()} cores available`);
const best = new Map<number, number>();
const configurations = maxWorkers > 1 ? [1, maxWorkers] : [1];
for (let round = 1; round <= rounds; round++) {
  for (const workers of configurations) {
    const rate = await measure(workers);
    console.log(`round ${round}: ${workers} worker(s): ${rate.toFixed(1)} texts/s`);
    best.set(workers, Math.max(best.get(workers) ?? 0, rate));
  }
}
const single = best.get(1)!;
console.log(`best: 1 worker ${single.toFixed(1)} texts/s`);
if (maxWorkers > 1) {
  const many = best.get(maxWorkers)!;
  console.log(`best: ${maxWorkers} workers ${many.toFixed(1)} texts/s (x${(many / single).toFixed(2)})`);
}
