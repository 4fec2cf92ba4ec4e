// The gateway's ceiling for /v1/search (hybrid): the whole fleet path (gateway -> retrieve ->
// embed), 300 Cranfield documents, Cranfield's questions in turn, sent open loop at rising fixed
// rates, one request every 1/rate s (autocannon's overallRate sends each second's requests in a
// burst, which measures the burst, not the rate). The ceiling is the highest rate the fleet kept
// up with (within 5% of it, no errors) with p99 <= 100 ms. The load generator shares the 2 cores.
// Run: node scripts/bench/search-ceiling.ts (pnpm bench:ceiling)
//
// Env: BENCH_RATES (200,300,400,500,600,700,800 req/s), BENCH_SECONDS (8 per rate), BENCH_DOCS (300).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFleet } from '../fleet-runner.ts';
import { cranfieldAvailable, readCranfieldDocuments, readCranfieldQueries } from './cranfield.ts';
import { interleave } from './interleaved-load.ts';
import { processCpuSecondsOf } from './process-cpu.ts';
import { writeReport } from './report.ts';

const GOAL = { rate: 600, p99Ms: 100 };
const rates = (process.env.BENCH_RATES ?? '200,300,400,500,600,700,800').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const docCount = Number(process.env.BENCH_DOCS ?? 300);
if (![...rates, seconds, docCount].every((value) => Number.isFinite(value) && value > 0))
  throw new Error('BENCH_RATES, BENCH_SECONDS and BENCH_DOCS must be positive numbers');
if (!cranfieldAvailable()) throw new Error('Cranfield is not at data/cranfield.');
const log = (message: string) => console.error(`[bench:ceiling] ${message}`);

interface Step {
  rate: number;
  achievedRate: number;
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU seconds of gateway, retrieve and embed per 1,000 answered requests. */
  cpuSecondsPer1000: number;
  kept: boolean;
}

const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-ceiling-'));
const fleet = await startFleet({
  services: ['embed', 'retrieve', 'gateway'],
  freePorts: true,
  unthrottled: true,
  dataDir,
  env: { LOG_LEVEL: 'warn' },
});
const steps: Step[] = [];
try {
  log(`ingesting ${docCount} Cranfield documents`);
  const ingest = await fetch(`${fleet.gatewayUrl}/v1/documents?wait=true&timeout_ms=300000`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documents: readCranfieldDocuments().slice(0, docCount) }),
  });
  if (ingest.status !== 200) throw new Error(`ingest answered ${ingest.status}: ${await ingest.text()}`);
  const bodies = readCranfieldQueries()
    .slice(0, 100)
    .map((query) => JSON.stringify({ query: query.text, mode: 'hybrid' }));
  const search = async (index: number) => {
    const sentAt = performance.now();
    const response = await fetch(`${fleet.gatewayUrl}/v1/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodies[index % bodies.length],
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`answered ${response.status}`);
    return performance.now() - sentAt;
  };
  const side = {
    name: 'fleet',
    request: search,
    cpuSeconds: () =>
      Object.fromEntries(
        Object.entries(fleet.pids()).map(([service, pid]) => [service, processCpuSecondsOf(pid)]),
      ),
  };
  log('warm-up: every question twice at 100/s');
  await interleave([side], { rate: 100, blocks: 1, blockRequests: bodies.length * 2 });
  for (const rate of rates) {
    const started = performance.now();
    const figures = (await interleave([side], { rate, blocks: 1, blockRequests: Math.round(rate * seconds) }))
      .fleet!;
    const elapsed = (performance.now() - started) / 1000;
    const step: Step = {
      rate,
      achievedRate: figures.requests / elapsed,
      requests: figures.requests + figures.errors,
      errors: figures.errors,
      p50Ms: Number(figures.p50Ms.toFixed(2)),
      p99Ms: Number(figures.p99Ms.toFixed(2)),
      cpuSecondsPer1000: figures.cpuSecondsPer1000,
      kept: false,
    };
    step.kept = step.errors === 0 && step.achievedRate >= rate * 0.95 && step.p99Ms <= GOAL.p99Ms;
    steps.push(step);
    log(`${rate}/s: ${step.achievedRate.toFixed(0)}/s answered, p50 ${step.p50Ms} ms, p99 ${step.p99Ms} ms`);
    // Past the ceiling the queue only grows: two steps beyond it are enough to show where it is.
    if (steps.filter((s) => !s.kept).length >= 2) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
} finally {
  await fleet.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const ceiling = Math.max(0, ...steps.filter((step) => step.kept).map((step) => step.rate));
console.log('\n/v1/search hybrid through the gateway (gateway + retrieve + embed), open loop');
console.log('rate/s  answered/s   p50 ms   p99 ms  errors  CPU s/1,000  kept (p99 <= 100 ms)');
for (const step of steps)
  console.log(
    `${String(step.rate).padStart(6)}  ${step.achievedRate.toFixed(0).padStart(10)}  ${String(step.p50Ms).padStart(7)}  ${String(step.p99Ms).padStart(7)}  ${String(step.errors).padStart(6)}  ${step.cpuSecondsPer1000.toFixed(2).padStart(11)}  ${step.kept ? 'yes' : 'no'}`,
  );
console.log(
  `ceiling: ${ceiling} req/s   goal ≥ ${GOAL.rate} req/s with p99 ≤ ${GOAL.p99Ms} ms   ${ceiling >= GOAL.rate ? 'met' : 'MISSED'}`,
);
console.log(
  `\nreport: ${writeReport('bench-search-ceiling', { goal: GOAL, seconds, documents: docCount, ceiling, steps })}`,
);
