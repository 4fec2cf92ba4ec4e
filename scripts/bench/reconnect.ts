// How soon the gateway answers /v1/rag again after generate restarts. A fleet of real processes
// (free loopback ports, own data dir, authenticated as `pnpm start` runs it) answers /v1/rag in
// two back-to-back loops while generate is stopped, kept down BENCH_DOWN_MS (a slow start, a
// crash loop's delay: long enough for grpc-js's default backoff to grow) and started again,
// BENCH_RESTARTS times. For each restart the figure is the time from generate's "ready" log line
// to the first complete answer after the old process exited (0: an answer that was waiting for
// the connection completed at once).
// Run: node scripts/bench/reconnect.ts  (env: BENCH_RESTARTS, default 6; BENCH_DOWN_MS, default
// 8000; BENCH_DEVELOPMENT_MODE=1 runs without a service key).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFleet } from '../fleet-runner.ts';
import { GUIDE_QUESTION, ingestGuide } from './ingest-guide.ts';
import { percentile, writeReport } from './report.ts';

const restarts = Number(process.env.BENCH_RESTARTS ?? 6);
if (!Number.isInteger(restarts) || restarts < 1 || restarts > 50) throw new Error('BENCH_RESTARTS: 1 to 50');
const downMs = Number(process.env.BENCH_DOWN_MS ?? 8_000);
if (!Number.isInteger(downMs) || downMs < 0 || downMs > 60_000) throw new Error('BENCH_DOWN_MS: 0 to 60000');
const developmentMode = process.env.BENCH_DEVELOPMENT_MODE === '1';
const query = GUIDE_QUESTION;
const log = (message: string) => console.error(`[bench:reconnect] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When each "generate ready" line arrived: the instant generate can serve again. */
const generateReadyLines: number[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-reconnect-'));
const fleet = await startFleet({
  freePorts: true,
  // Availability is measured here, not limits: a client retrying 503s must not run into 429s.
  unthrottled: true,
  dataDir,
  developmentMode,
  readyTimeoutMs: 120_000,
  env: {
    LOG_LEVEL: 'info',
    EMBED_WORKERS: '1',
  },
  logSink: (service, line) => {
    if (service === 'generate' && line.includes('generate ready')) generateReadyLines.push(Date.now());
  },
});

interface Outcome {
  startedAt: number;
  endedAt: number;
  status: number;
}
const outcomes: Outcome[] = [];
let asking = true;

async function ask(): Promise<number> {
  try {
    const response = await fetch(`${fleet.gatewayUrl}/v1/rag`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, stream: false }),
      signal: AbortSignal.timeout(30_000),
    });
    await response.text();
    return response.status;
  } catch {
    return 0; // no HTTP answer at all
  }
}

/** One caller asking again as soon as it has an answer (bounded: it stops with the benchmark). */
async function askLoop(): Promise<void> {
  while (asking) {
    const startedAt = Date.now();
    const status = await ask();
    outcomes.push({ startedAt, endedAt: Date.now(), status });
    if (status !== 200) await sleep(50); // a client retrying a failed answer, 20 times a second
  }
}

interface RestartFigures {
  exitToReadyMs: number;
  recoveryMs: number;
  failedAnswers: Record<string, number>;
}
const figures: RestartFigures[] = [];

try {
  await ingestGuide(fleet.gatewayUrl);
  for (let i = 0; i < 5; i++) {
    const status = await ask();
    if (status !== 200) throw new Error(`warm-up /v1/rag answered ${status}`);
  }

  const loops = [askLoop(), askLoop()];
  for (let round = 1; round <= restarts; round++) {
    await sleep(1_000);
    const linesBefore = generateReadyLines.length;
    const restartedAt = Date.now();
    const { exitedAt, readyAt: probedAt } = await fleet.restart('generate', { downMs });
    const readyAt = generateReadyLines[linesBefore] ?? probedAt;
    const deadline = Date.now() + 60_000;
    let first: Outcome | undefined;
    while (!first && Date.now() < deadline) {
      first = outcomes.find((outcome) => outcome.status === 200 && outcome.endedAt > exitedAt);
      if (!first) await sleep(5);
    }
    if (!first) throw new Error(`no answer within 60 s of generate's restart ${round}`);
    const failedAnswers: Record<string, number> = {};
    for (const outcome of outcomes)
      if (outcome.status !== 200 && outcome.endedAt > restartedAt && outcome.endedAt <= first.endedAt)
        failedAnswers[outcome.status] = (failedAnswers[outcome.status] ?? 0) + 1;
    const result = {
      exitToReadyMs: readyAt - exitedAt,
      recoveryMs: Math.max(0, first.endedAt - readyAt),
      failedAnswers,
    };
    figures.push(result);
    log(
      `restart ${round}: generate ready ${result.exitToReadyMs} ms after exiting, answers again ${result.recoveryMs} ms after ready; failed meanwhile: ${JSON.stringify(failedAnswers)}`,
    );
  }
  asking = false;
  await Promise.all(loops);
} finally {
  asking = false;
  await fleet.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const recoveries = figures.map((figure) => figure.recoveryMs).sort((a, b) => a - b);
const summary = {
  restarts,
  downMs,
  authenticated: !developmentMode,
  recoveryP50Ms: percentile(recoveries, 50),
  recoveryMaxMs: recoveries.at(-1),
  exitToReadyP50Ms: percentile(
    figures.map((figure) => figure.exitToReadyMs).sort((a, b) => a - b),
    50,
  ),
};
console.table(figures);
console.table([summary]);
console.log(`report: ${writeReport('reconnect', { ...summary, rounds: figures })}`);
