// How soon the gateway answers /v1/rag again after generate restarts. A fleet of real processes
// (free loopback ports, own data dir, authenticated as `pnpm start` runs it) answers /v1/rag in
// two back-to-back loops while generate is restarted BENCH_RESTARTS times; for each restart the
// figure is the time from generate's "ready" log line to the first complete answer after the old
// process exited (0 when an answer waiting for the connection completed at once).
// Run: node scripts/bench/reconnect.ts  (env: BENCH_RESTARTS, default 6; BENCH_DEVELOPMENT_MODE=1
// runs without a service key, for a gateway that does not sign its calls yet).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFleet } from '../fleet-runner.ts';
import { percentile, writeReport } from './report.ts';

const restarts = Number(process.env.BENCH_RESTARTS ?? 6);
if (!Number.isInteger(restarts) || restarts < 1 || restarts > 50) throw new Error('BENCH_RESTARTS: 1 to 50');
const developmentMode = process.env.BENCH_DEVELOPMENT_MODE === '1';
const repo = join(import.meta.dirname, '../..');
const query = 'How does a retried ingest job avoid duplicating chunks?';
const log = (message: string) => console.error(`[bench:reconnect] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When each "generate ready" line arrived: the instant generate can serve again. */
const generateReadyLines: number[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-reconnect-'));
const fleet = await startFleet({
  freePorts: true,
  dataDir,
  developmentMode,
  readyTimeoutMs: 120_000,
  env: { LOG_LEVEL: 'info', EMBED_WORKERS: '1' },
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
    if (status !== 200) await sleep(10);
  }
}

interface RestartFigures {
  downMs: number;
  recoveryMs: number;
  failedAnswers: Record<string, number>;
}
const figures: RestartFigures[] = [];

try {
  const text = readFileSync(join(repo, 'docs/ingest.md'), 'utf8');
  const ingest = await fetch(`${fleet.gatewayUrl}/v1/documents?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documents: [{ id: 'docs/ingest.md', text }] }),
  });
  if (ingest.status !== 200) throw new Error(`ingest answered ${ingest.status}: ${await ingest.text()}`);
  for (let i = 0; i < 5; i++) {
    const status = await ask();
    if (status !== 200) throw new Error(`warm-up /v1/rag answered ${status}`);
  }

  const loops = [askLoop(), askLoop()];
  for (let round = 1; round <= restarts; round++) {
    await sleep(1_000);
    const linesBefore = generateReadyLines.length;
    const { exitedAt, readyAt: probedAt } = await fleet.restart('generate');
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
      if (outcome.status !== 200 && outcome.endedAt > exitedAt - 5_000 && outcome.endedAt <= first.endedAt)
        failedAnswers[outcome.status] = (failedAnswers[outcome.status] ?? 0) + 1;
    const result = {
      downMs: readyAt - exitedAt,
      recoveryMs: Math.max(0, first.endedAt - readyAt),
      failedAnswers,
    };
    figures.push(result);
    log(
      `restart ${round}: generate down ${result.downMs} ms, answers again ${result.recoveryMs} ms after ready; failed meanwhile: ${JSON.stringify(failedAnswers)}`,
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
  authenticated: !developmentMode,
  recoveryP50Ms: percentile(recoveries, 50),
  recoveryMaxMs: recoveries.at(-1),
  generateDownP50Ms: percentile(
    figures.map((figure) => figure.downMs).sort((a, b) => a - b),
    50,
  ),
};
console.table(figures);
console.table([summary]);
console.log(`report: ${writeReport('reconnect', { ...summary, rounds: figures })}`);
