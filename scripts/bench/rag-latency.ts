// What the fleet costs next to the same pipeline composed in one process, measured in ONE run:
// /v1/rag and /v1/search through the gateway are interleaved block by block with the in-process
// pipeline and search at the same fixed rate, so both sides see the same machine. Reported per
// side: p50/p99 latency, and CPU seconds per 1,000 requests (the fleet: all five processes, read
// from /proc/<pid>/stat around each fleet block; in-process: this process's process.cpuUsage()
// around each in-process block). Run: node scripts/bench/rag-latency.ts (pnpm bench:rag)
//
// Env: BENCH_RATE (20 requests/s), BENCH_HIGH_RATE (100), BENCH_BLOCKS (6 per side),
// BENCH_BLOCK_REQUESTS (60), BENCH_DOCS (300 Cranfield documents), BENCH_PROFILE_DIR (write a V8
// CPU profile of every fleet process there, plus the load windows: see cpu-profile-summary.ts).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFleet, type Fleet } from '../fleet-runner.ts';
import { cranfieldAvailable, readCranfieldDocuments, readCranfieldQueries } from './cranfield.ts';
import { composeInProcessPipeline, type InProcessPipeline } from './in-process-pipeline.ts';
import { composeOramaSearch, type OramaSearch } from './orama-search.ts';
import { DEFAULT_K } from '../../services/retrieve/src/domain/search/search-options.ts';
import { interleave, type LoadPlan, type LoadSide, type SideFigures } from './interleaved-load.ts';
import { ownCpuSeconds, processCpuSecondsOf } from './process-cpu.ts';
import { writeReport } from './report.ts';

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const rate = number('BENCH_RATE', 20);
const highRate = number('BENCH_HIGH_RATE', 100);
const blocks = number('BENCH_BLOCKS', 6);
const blockRequests = number('BENCH_BLOCK_REQUESTS', 60);
const docCount = number('BENCH_DOCS', 300);
const profileDir = process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : undefined;
// peerP50Ratio: /v1/search through the gateway faster at p50 than Orama in-process.
const GOALS = { cpuRatio: 1.5, p50Ratio: 2, p99Ratio: 3, highRateP99Ms: 100, peerP50Ratio: 1 };
const log = (message: string) => console.error(`[bench:rag] ${message}`);

if (!cranfieldAvailable()) {
  console.error('Cranfield is not at data/cranfield.');
  process.exit(1);
}
const documents = readCranfieldDocuments().slice(0, docCount);
const queries = readCranfieldQueries()
  .map((query) => query.text)
  .slice(0, 50);
const queryAt = (index: number) => queries[index % queries.length]!;

/** Reads a response to its end; resolves with ms to its first body chunk. */
async function drain(response: Response, sentAt: number): Promise<number> {
  if (response.status !== 200) throw new Error(`answered ${response.status}: ${await response.text()}`);
  const reader = response.body!.getReader();
  let firstByte = Number.NaN;
  for (;;) {
    const { done } = await reader.read();
    if (Number.isNaN(firstByte)) firstByte = performance.now() - sentAt;
    if (done) return firstByte;
  }
}

function post(fleet: Fleet, path: string, body: unknown, accept: string): Promise<number> {
  const sentAt = performance.now();
  return fetch(`${fleet.gatewayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify(body),
  }).then((response) => drain(response, sentAt));
}

/** Every fleet process's CPU seconds by service, read from /proc (no request to the services). */
function fleetCpu(fleet: Fleet): () => Record<string, number> {
  return () =>
    Object.fromEntries(
      Object.entries(fleet.pids()).map(([service, pid]) => [service, processCpuSecondsOf(pid)]),
    );
}
const inProcessCpu = () => ({ 'in-process': ownCpuSeconds() });

function ragSides(fleet: Fleet, local: InProcessPipeline): [LoadSide, LoadSide] {
  return [
    {
      name: 'fleet',
      request: (i) => post(fleet, '/v1/rag', { query: queryAt(i) }, 'application/x-ndjson'),
      cpuSeconds: fleetCpu(fleet),
    },
    {
      name: 'in-process',
      request: async (i) => {
        const sentAt = performance.now();
        let firstEvent = Number.NaN;
        for await (const _event of local.pipeline.answer(
          { query: queryAt(i), k: 0, filters: {}, tier: '', promptVersion: '' },
          new AbortController().signal,
        ))
          if (Number.isNaN(firstEvent)) firstEvent = performance.now() - sentAt;
        return firstEvent;
      },
      cpuSeconds: inProcessCpu,
    },
  ];
}

function searchSides(fleet: Fleet, local: InProcessPipeline): [LoadSide, LoadSide] {
  return [
    {
      name: 'fleet',
      request: (i) => post(fleet, '/v1/search', { query: queryAt(i), mode: 'hybrid' }, 'application/json'),
      cpuSeconds: fleetCpu(fleet),
    },
    {
      name: 'in-process',
      request: async (i) => {
        const sentAt = performance.now();
        await local.search.query('default', { query: queryAt(i), k: 0, filters: {}, mode: 'hybrid' });
        return performance.now() - sentAt;
      },
      cpuSeconds: inProcessCpu,
    },
  ];
}

/** A library users would otherwise run in-process: Orama's hybrid search on the same chunks. */
function oramaSide(orama: OramaSearch): LoadSide {
  return {
    name: 'orama',
    request: async (i) => {
      const sentAt = performance.now();
      await orama.query(queryAt(i), DEFAULT_K);
      return performance.now() - sentAt;
    },
    cpuSeconds: () => ({ orama: ownCpuSeconds() }),
  };
}

interface Comparison {
  rate: number;
  fleet: SideFigures;
  inProcess: SideFigures;
  ratio: { p50: number; p99: number; cpu: number };
  /** Other implementations interleaved in the same blocks, and the fleet's p50 over theirs. */
  peers?: Record<string, SideFigures & { fleetP50Ratio: number }>;
}

async function compare(
  sides: [LoadSide, LoadSide],
  plan: LoadPlan,
  peers: LoadSide[] = [],
): Promise<Comparison> {
  const all = [...sides, ...peers];
  // Warm-up, not measured: connections, JIT, every query's embedding cached on every side.
  for (const side of all) for (let i = 0; i < queries.length; i++) await side.request(i);
  const figures = await interleave(all, plan);
  const fleet = figures.fleet!;
  const inProcess = figures['in-process']!;
  return {
    rate: plan.rate,
    fleet,
    inProcess,
    ratio: {
      p50: fleet.p50Ms / inProcess.p50Ms,
      p99: fleet.p99Ms / inProcess.p99Ms,
      cpu: fleet.cpuSecondsPer1000 / inProcess.cpuSecondsPer1000,
    },
    ...(peers.length > 0 && {
      peers: Object.fromEntries(
        peers.map(({ name }) => [
          name,
          { ...figures[name]!, fleetP50Ratio: fleet.p50Ms / figures[name]!.p50Ms },
        ]),
      ),
    }),
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-rag-'));
const localDir = mkdtempSync(join(tmpdir(), 'ragfleet-bench-rag-local-'));
if (profileDir) mkdirSync(profileDir, { recursive: true });
const fleet = await startFleet({
  freePorts: true,
  unthrottled: true,
  dataDir,
  env: {
    LOG_LEVEL: 'warn',
    // At 100/s a slow fleet holds more than the default 10 streams open: measure it, do not refuse it.
    GATEWAY_MAX_CONCURRENT_STREAMS: '10000',
    ...(profileDir && {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim(),
    }),
  },
});
const report: Record<string, unknown> = {
  documents: documents.length,
  queries: queries.length,
  blocksPerSide: blocks,
  requestsPerBlock: blockRequests,
  goals: GOALS,
};
let local: InProcessPipeline | undefined;
try {
  log(`ingesting ${documents.length} Cranfield documents`);
  const ingest = await fetch(`${fleet.gatewayUrl}/v1/documents?wait=true&timeout_ms=300000`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documents }),
  });
  if (ingest.status !== 200) throw new Error(`ingest answered ${ingest.status}: ${await ingest.text()}`);
  // The in-process side reads a copy of what the fleet wrote, so it never writes under a running
  // retrieve (recovery may rebuild and persist an index).
  cpSync(join(dataDir, 'retrieve'), join(localDir, 'retrieve'), { recursive: true });
  local = await composeInProcessPipeline(localDir);
  const orama = await composeOramaSearch(local.retrieve.corpus.store, 'default', local.retrieve.embed);
  report.oramaChunks = orama.chunks;
  report.pids = fleet.pids();

  // What the fleet burns with no request at all (timers, probes, metrics collection): at 20/s a
  // second of it is charged to 20 requests, so it belongs to the fleet's cost, but it is not per call.
  const idleBefore = fleetCpu(fleet)();
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const idleAfter = fleetCpu(fleet)();
  report.fleetIdleCpuSecondsPerSecond = Object.fromEntries(
    Object.entries(idleAfter).map(([service, seconds]) => [service, (seconds - idleBefore[service]!) / 3]),
  );

  const plan = { blocks, blockRequests };
  log(`/v1/rag at ${rate}/s: ${blocks} blocks of ${blockRequests} per side`);
  report.rag = await compare(ragSides(fleet, local), { ...plan, rate });
  log(`/v1/search (hybrid) at ${rate}/s`);
  report.search = await compare(
    searchSides(fleet, local),
    { ...plan, blocks: Math.ceil(blocks / 1.5), rate },
    [oramaSide(orama)],
  );
  log(`/v1/rag at ${highRate}/s`);
  report.ragHighRate = await compare(ragSides(fleet, local), {
    blocks: Math.ceil(blocks / 1.5),
    blockRequests: Math.round(highRate * 1.5),
    rate: highRate,
  });
} finally {
  await local?.close();
  await fleet.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(localDir, { recursive: true, force: true });
}

const idle = report.fleetIdleCpuSecondsPerSecond as Record<string, number> | undefined;
if (idle) {
  const total = Object.values(idle).reduce((sum, seconds) => sum + seconds, 0);
  console.log(
    `\nfleet idle: ${total.toFixed(3)} CPU s per second (${((total / rate) * 1000).toFixed(2)} s per 1,000 requests at ${rate}/s)`,
  );
}
const rag = report.rag as Comparison;
const search = report.search as Comparison;
const high = report.ragHighRate as Comparison;
const row = (what: string, value: string, goal?: { met: boolean; text: string }) =>
  console.log(
    `${what.padEnd(52)} ${value.padStart(10)}${goal ? `   goal ${goal.text.padEnd(9)} ${goal.met ? 'met' : 'MISSED'}` : ''}`,
  );
const ms = (value: number) => `${value.toFixed(1)} ms`;
const times = (value: number) => `${value.toFixed(2)}×`;
const atMost = (value: number, limit: number, text: string) => ({ met: value <= limit, text });
for (const [name, result, latencyGoals] of [
  ['/v1/rag', rag, true],
  ['/v1/search hybrid', search, false],
] as const) {
  console.log(`\n${name} at ${result.rate}/s, fleet vs in-process (interleaved)`);
  row('fleet p50 / p99', `${ms(result.fleet.p50Ms)} / ${ms(result.fleet.p99Ms)}`);
  row('in-process p50 / p99', `${ms(result.inProcess.p50Ms)} / ${ms(result.inProcess.p99Ms)}`);
  row(
    'p50 ratio',
    times(result.ratio.p50),
    latencyGoals ? atMost(result.ratio.p50, GOALS.p50Ratio, '≤ 2×') : undefined,
  );
  row(
    'p99 ratio',
    times(result.ratio.p99),
    latencyGoals ? atMost(result.ratio.p99, GOALS.p99Ratio, '≤ 3×') : undefined,
  );
  row('fleet CPU s / 1,000 requests (all 5 processes)', result.fleet.cpuSecondsPer1000.toFixed(2));
  for (const [service, seconds] of Object.entries(result.fleet.cpuSecondsPer1000ByProcess))
    row(`  ${service}`, seconds.toFixed(2));
  row('in-process CPU s / 1,000 requests', result.inProcess.cpuSecondsPer1000.toFixed(2));
  row('CPU ratio', times(result.ratio.cpu), atMost(result.ratio.cpu, GOALS.cpuRatio, '≤ 1.5×'));
  for (const [peer, figures] of Object.entries(result.peers ?? {})) {
    row(`${peer} in-process p50 / p99`, `${ms(figures.p50Ms)} / ${ms(figures.p99Ms)}`);
    row(
      `fleet p50 ÷ ${peer} p50`,
      times(figures.fleetP50Ratio),
      atMost(figures.fleetP50Ratio, GOALS.peerP50Ratio, '< 1×'),
    );
    row(`${peer} CPU s / 1,000 requests`, figures.cpuSecondsPer1000.toFixed(2));
  }
  const errors = result.fleet.errors + result.inProcess.errors;
  if (errors) console.log(`errors: ${errors} (${result.fleet.firstError ?? result.inProcess.firstError})`);
}
console.log(`\n/v1/rag at ${high.rate}/s`);
row(
  'fleet p50 / p99',
  `${ms(high.fleet.p50Ms)} / ${ms(high.fleet.p99Ms)}`,
  atMost(high.fleet.p99Ms, GOALS.highRateP99Ms, 'p99 ≤ 100'),
);
row('in-process p50 / p99', `${ms(high.inProcess.p50Ms)} / ${ms(high.inProcess.p99Ms)}`);
row('fleet CPU s / 1,000 requests', high.fleet.cpuSecondsPer1000.toFixed(2));
row('in-process CPU s / 1,000 requests', high.inProcess.cpuSecondsPer1000.toFixed(2));
if (high.fleet.errors) console.log(`errors: ${high.fleet.errors} (${high.fleet.firstError})`);

if (profileDir) {
  // What cpu-profile-summary.ts needs: which profile is which service, and when the load ran.
  writeFileSync(
    join(profileDir, 'bench-windows.json'),
    `${JSON.stringify({ pids: report.pids, rag: rag.fleet.windowsMicros, search: search.fleet.windowsMicros, ragHighRate: high.fleet.windowsMicros }, null, 2)}\n`,
  );
  log(`CPU profiles and load windows in ${profileDir}`);
}
console.log(`\nreport: ${writeReport('bench-rag', report)}`);
