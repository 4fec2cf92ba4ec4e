// Does ingest slow down as the index grows? Throughput (chunks/s) of a window of jobs while the
// index holds ~1k chunks and again while it holds a large number (100k by default), with their
// ratio against the goal (>= 0.9). Retrieve runs in this process as main.ts composes it (file
// store, HNSW + BM25 files, embedded queue, gRPC), with the offline hashing embedder so the model
// is not what is measured; documents are synthetic short texts, one chunk each.
//
// Two sides, interleaved size by size in one run:
//   batched   this tree, snapshots by INDEX_SNAPSHOT_EVERY_JOBS / INDEX_SNAPSHOT_INTERVAL_MS
//   every-job a snapshot after every job: BENCH_BEFORE_ROOT=<checkout of main> runs that
//             checkout's retrieve (the real "before"); otherwise this tree with EVERY_JOBS=1
// (BENCH_AFTER_ROOT likewise runs the batched side from a clean checkout instead of this tree.)
// The every-job side stops filling after BENCH_BEFORE_BUDGET_S and is measured where it got to.
// Before its first window each side's code is warmed up on a throwaway instance (BENCH_WARMUP chunks).
//
// Run: flock /tmp/ragfleet-bench.lock node scripts/bench/ingest-scale.ts
// env: BENCH_LARGE (100000), BENCH_WINDOW chunks per measured window (2000), BENCH_JOB_DOCS (100),
//      BENCH_IN_FLIGHT jobs (4), BENCH_SIDES (batched,every-job), BENCH_BEFORE_BUDGET_S (30),
//      BENCH_WARMUP (3000)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RetrieveClient } from '../../packages/grpc/src/index.ts';
import { hostService, type HostedService } from '../../packages/service-host/src/index.ts';
import { runWithRequestContext } from '../../packages/telemetry/src/index.ts';
import { HashingEmbedder } from '../../services/retrieve/test/support/hashing-embedder.ts';
import { writeReport } from './report.ts';
import type * as ComposeModuleType from '../../services/retrieve/src/compose.ts';
import type * as ConfigModuleType from '../../services/retrieve/src/config.ts';

/** Each side loads retrieve from its own checkout; both have this tree's shape. */
type ComposeModule = typeof ComposeModuleType;
type ConfigModule = typeof ConfigModuleType;

const SMALL = 1_000;
const LARGE = Number(process.env.BENCH_LARGE ?? 100_000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 2_000);
const JOB_DOCS = Number(process.env.BENCH_JOB_DOCS ?? 100);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 4);
/** Only the every-job side has a budget: it is the one expected to slow down. */
const BEFORE_BUDGET_MS = Number(process.env.BENCH_BEFORE_BUDGET_S ?? 30) * 1000;
/** Chunks a throwaway instance of each side ingests first, so the 1k window does not pay for JIT warm-up. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3_000);
const SIDES = (process.env.BENCH_SIDES ?? 'batched,every-job').split(',');
const GOAL = 0.9;
const here = join(import.meta.dirname, '../..');

interface Side {
  name: string;
  client: RetrieveClient;
  hosted: HostedService;
  dataDir: string;
  chunks: number;
  nextDoc: number;
  /** Time spent filling and measuring; past the budget the side only takes its measured windows. */
  spentMs: number;
  windows: Array<{ atChunks: number; chunksPerSecond: number; cpuMsPerChunk: number }>;
}

const as = <T>(fn: () => Promise<T>) => runWithRequestContext({ requestId: 'bench', tenant: 'bench' }, fn);

// Synthetic short texts: 12 words from a 5,000-word vocabulary, deterministic.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const vocabulary = Array.from({ length: 5_000 }, (_, i) => `w${i.toString(36)}x${(i * 7919) % 997}`);
const textOf = () =>
  Array.from({ length: 12 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');

async function startSide(name: string): Promise<Side> {
  const root = (name === 'every-job' ? process.env.BENCH_BEFORE_ROOT : process.env.BENCH_AFTER_ROOT) ?? here;
  const { composeRetrieve } = (await import(join(root, 'services/retrieve/src/compose.ts'))) as ComposeModule;
  const { loadRetrieveConfig } = (await import(
    join(root, 'services/retrieve/src/config.ts')
  )) as ConfigModule;
  const dataDir = mkdtempSync(join(tmpdir(), `ragfleet-bench-scale-${name}-`));
  const embedder = new HashingEmbedder(64);
  const env: Record<string, string> = { LOG_LEVEL: 'warn', DATA_DIR: dataDir, EMBED_BATCH_SIZE: '128' };
  if (name === 'every-job') env.INDEX_SNAPSHOT_EVERY_JOBS = '1';
  const hosted = await hostService({
    name: 'retrieve',
    config: () => loadRetrieveConfig(env),
    grpcPort: () => 0,
    opsPort: () => 0,
    host: '127.0.0.1',
    exitOnSignal: false,
    compose: async (kit, config) => {
      await composeRetrieve(kit, config, { embedder, embedderFor: () => embedder });
    },
  });
  const client = new RetrieveClient(`127.0.0.1:${hosted.grpcPort}`);
  return { name, client, hosted, dataDir, chunks: 0, nextDoc: 0, spentMs: 0, windows: [] };
}

async function stopSide(side: Side): Promise<void> {
  side.client.close();
  await side.hosted.lifecycle.shutdown('bench');
  rmSync(side.dataDir, { recursive: true, force: true });
}

async function waitForJob(side: Side, id: string): Promise<number> {
  for (;;) {
    const job = (await as(() => side.client.getJob(id))).job;
    if (job?.state === 'JOB_STATE_FAILED') throw new Error(`${side.name}: job ${id} failed: ${job.error}`);
    if (job?.state === 'JOB_STATE_SUCCEEDED') return job.chunksIndexed ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Ingests about `chunks` more chunks, IN_FLIGHT jobs at a time; stops submitting past `deadline`. */
async function ingest(side: Side, chunks: number, deadline = Infinity): Promise<number> {
  const target = side.chunks + chunks;
  let submitted = side.chunks;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  while (submitted < target && performance.now() < deadline) {
    const count = Math.min(JOB_DOCS, target - submitted);
    const documents = Array.from({ length: count }, () => ({
      id: `doc-${side.nextDoc++}`,
      title: '',
      text: textOf(),
      metadata: {},
    }));
    submitted += count;
    const { job } = await as(() => side.client.ingestDocuments({ documents }));
    const running = waitForJob(side, job?.id ?? '').then((done) => {
      side.chunks += done;
      inFlight.delete(running);
    });
    inFlight.add(running);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  side.spentMs += performance.now() - started;
  return side.chunks;
}

async function measureWindow(side: Side): Promise<void> {
  const atChunks = side.chunks;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await ingest(side, WINDOW);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const done = side.chunks - atChunks;
  side.windows.push({
    atChunks,
    chunksPerSecond: done / seconds,
    cpuMsPerChunk: (used.user + used.system) / 1000 / done,
  });
  console.log(
    `${side.name.padEnd(9)} at ${String(atChunks).padStart(6)} chunks: ${(done / seconds).toFixed(0)} chunks/s, ` +
      `${((used.user + used.system) / 1000 / done).toFixed(2)} CPU ms/chunk`,
  );
}

const sides: Side[] = [];
try {
  for (const name of SIDES) {
    const warmup = await startSide(name);
    await ingest(warmup, WARMUP);
    await stopSide(warmup);
    sides.push(await startSide(name));
  }
  for (const size of [SMALL, LARGE]) {
    for (const side of sides) {
      const deadline =
        side.name === 'every-job' ? performance.now() + BEFORE_BUDGET_MS - side.spentMs : Infinity;
      if (side.chunks < size) await ingest(side, size - side.chunks, deadline);
      await measureWindow(side);
    }
  }
} finally {
  for (const side of sides) await stopSide(side);
}

const rows = sides.map((side) => {
  const [small, large] = side.windows;
  const ratio = (large?.chunksPerSecond ?? 0) / (small?.chunksPerSecond ?? 1);
  return {
    side: side.name,
    [`chunks/s at ~${SMALL}`]: small?.chunksPerSecond.toFixed(0),
    'large window at chunks': large?.atChunks,
    'chunks/s there': large?.chunksPerSecond.toFixed(0),
    'ratio (goal >= 0.9)': `${ratio.toFixed(2)} ${ratio >= GOAL ? 'meets' : 'misses'}`,
    'CPU ms/chunk small / large': `${small?.cpuMsPerChunk.toFixed(2)} / ${large?.cpuMsPerChunk.toFixed(2)}`,
  };
});
console.table(rows);
const file = writeReport('ingest-scale', {
  small: SMALL,
  large: LARGE,
  window: WINDOW,
  jobDocuments: JOB_DOCS,
  inFlight: IN_FLIGHT,
  goalRatio: GOAL,
  before: process.env.BENCH_BEFORE_ROOT
    ? `checkout ${process.env.BENCH_BEFORE_ROOT}`
    : 'INDEX_SNAPSHOT_EVERY_JOBS=1',
  sides: sides.map((side) => ({ name: side.name, windows: side.windows })),
});
console.log(`report: ${file}`);
