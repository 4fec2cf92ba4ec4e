// /v1/rag latency with the extractive provider: time to first NDJSON byte, and p50/p99 at a
// fixed request rate (autocannon), next to the same pipeline composed in-process and driven at
// the same rate; the ratio is the fleet's overhead. Run: pnpm bench:rag
// (env: BENCH_RATE requests/s, BENCH_SECONDS, BENCH_DOCS Cranfield documents to ingest).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startFleet } from '../fleet-runner.ts';
import { CRANFIELD_DIR, cranfieldAvailable, readCranfieldDocuments } from './cranfield.ts';
import { composeInProcessPipeline } from './in-process-pipeline.ts';
import { percentile, writeReport } from './report.ts';

const rate = Number(process.env.BENCH_RATE ?? 20);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const docCount = Number(process.env.BENCH_DOCS ?? 300);
if (!cranfieldAvailable()) {
  console.error('Cranfield is not at data/cranfield.');
  process.exit(1);
}
const documents = readCranfieldDocuments().slice(0, docCount);
const queries = readFileSync(join(CRANFIELD_DIR, 'cran.qry'), 'utf8')
  .replace(/\r\n/g, '\n')
  .split(/^\.I /m)
  .map((block) =>
    block
      .split(/^\.W\n/m)[1]
      ?.replace(/\s+/g, ' ')
      .trim(),
  )
  .filter((query): query is string => Boolean(query))
  .slice(0, 50);

const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-rag-'));
const fleet = await startFleet({ freePorts: true, unthrottled: true, dataDir, env: { LOG_LEVEL: 'warn' } });
const report: Record<string, unknown> = {
  rate,
  seconds,
  documents: documents.length,
  queries: queries.length,
};
try {
  const ingest = await fetch(`${fleet.gatewayUrl}/v1/documents?wait=true&timeout_ms=300000`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documents }),
  });
  if (ingest.status !== 200) throw new Error(`ingest answered ${ingest.status}: ${await ingest.text()}`);
  const request = (query: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
    body: JSON.stringify({ query }),
  });

  // Time to first byte, one request at a time, after one warm-up pass over every query: both
  // sides then answer from a warm embedding cache, so the comparison is of the pipelines alone.
  for (const query of queries) await (await fetch(`${fleet.gatewayUrl}/v1/rag`, request(query))).text();
  const firstBytes: number[] = [];
  const totals: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const response = await fetch(`${fleet.gatewayUrl}/v1/rag`, request(query));
    const reader = response.body!.getReader();
    let first = true;
    for (;;) {
      const { done } = await reader.read();
      if (first) {
        firstBytes.push(performance.now() - started);
        first = false;
      }
      if (done) break;
    }
    totals.push(performance.now() - started);
  }
  firstBytes.sort((a, b) => a - b);
  totals.sort((a, b) => a - b);
  report.fleetSequential = {
    firstByteP50Ms: percentile(firstBytes, 50),
    firstByteP99Ms: percentile(firstBytes, 99),
    totalP50Ms: percentile(totals, 50),
  };

  // Fixed request rate through the gateway.
  let next = 0;
  const result = await autocannon({
    url: `${fleet.gatewayUrl}/v1/rag`,
    connections: 8,
    overallRate: rate,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
        setupRequest: (req) => ({ ...req, body: request(queries[next++ % queries.length]!).body }),
      },
    ],
  });
  report.fleetAtRate = {
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
} finally {
  await fleet.stop();
}

// The same pipeline in-process over the same data, at the same fixed rate.
const local = await composeInProcessPipeline(dataDir);
const answerOnce = async (query: string) => {
  const started = performance.now();
  let firstEvent = 0;
  for await (const _event of local.pipeline.answer(
    { query, k: 0, filters: {}, tier: '', promptVersion: '' },
    new AbortController().signal,
  )) {
    firstEvent ||= performance.now() - started;
  }
  return { firstEvent, total: performance.now() - started };
};
for (const query of queries) await answerOnce(query);
const localFirst: number[] = [];
const localTotals: number[] = [];
const inFlight: Promise<void>[] = [];
const started = performance.now();
for (let i = 0; i < rate * seconds; i++) {
  const due = started + (i * 1000) / rate;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
  inFlight.push(
    answerOnce(queries[i % queries.length]!).then(({ firstEvent, total }) => {
      localFirst.push(firstEvent);
      localTotals.push(total);
    }),
  );
}
await Promise.all(inFlight);
await local.close();
rmSync(dataDir, { recursive: true, force: true });
localFirst.sort((a, b) => a - b);
localTotals.sort((a, b) => a - b);
report.inProcessAtRate = {
  requests: localTotals.length,
  firstEventP50Ms: percentile(localFirst, 50),
  p50Ms: percentile(localTotals, 50),
  p99Ms: percentile(localTotals, 99),
};

const fleetAtRate = report.fleetAtRate as { p50Ms: number; p99Ms: number };
const inProcess = report.inProcessAtRate as { p50Ms: number; p99Ms: number };
report.overheadRatio = { p50: fleetAtRate.p50Ms / inProcess.p50Ms, p99: fleetAtRate.p99Ms / inProcess.p99Ms };
console.table({
  'fleet, sequential': report.fleetSequential,
  [`fleet at ${rate}/s`]: report.fleetAtRate,
  [`in-process at ${rate}/s`]: report.inProcessAtRate,
  'fleet / in-process': report.overheadRatio,
});
console.log(`report: ${writeReport('rag-latency', report)}`);
