// Search latency through the gRPC API at 100k chunks, per search mode. Run:
//   node scripts/bench/search-latency.ts
// The retrieve service is composed in this process exactly as its main.ts composes it (hostService
// + composeRetrieve), with one substitution through its public seam: an offline deterministic
// embedder (dependencies.embedder) instead of the embed service. It listens on a loopback port and
// is driven by the real gRPC client, one request at a time, so the figures are per-request
// latencies including serialization and the loopback hop (client and server share the process
// and the machine's cores).
//
// Env: BENCH_CHUNKS (100000 documents, one chunk each), BENCH_QUERIES (500 per mode), BENCH_DIM
// (512), BENCH_K (10), BENCH_MODES (retrieve's modes), BENCH_BATCH (1000 documents per ingest
// request), BENCH_SEED (42), plus any retrieve variable (HNSW_*, SEARCH_*, BM25_*, ...).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RetrieveClient } from '../../packages/grpc/src/index.ts';
import { hostService } from '../../packages/service-host/src/index.ts';
import { runWithRequestContext } from '../../packages/telemetry/src/index.ts';
import { composeRetrieve } from '../../services/retrieve/src/compose.ts';
import { loadRetrieveConfig } from '../../services/retrieve/src/config.ts';
import { SEARCH_MODES } from '../../services/retrieve/src/domain/search/search-options.ts';
import { percentile, writeReport } from './report.ts';
import { seededRandom } from './vector/datasets.ts';
import { queryFor, RandomProjectionEmbedder, syntheticCorpus } from './vector/synthetic-corpus.ts';

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const chunkCount = number('BENCH_CHUNKS', 100_000);
const queryCount = number('BENCH_QUERIES', 500);
const dimensions = number('BENCH_DIM', 512);
const k = number('BENCH_K', 10);
const batch = number('BENCH_BATCH', 1000);
const seed = number('BENCH_SEED', 42);
const modes = (process.env.BENCH_MODES ?? SEARCH_MODES.join(',')).split(',').map((mode) => mode.trim());
const tenant = 'bench';
// Issue 9's latency goals at 100k chunks, printed beside each figure (vector: p50 only).
const GOALS_MS: Record<string, { p50: number; p99?: number }> = {
  keyword: { p50: 30, p99: 80 },
  hybrid: { p50: 30, p99: 80 },
  vector: { p50: 5 },
};
const log = (message: string) => console.error(`[bench:search] ${message}`);
const as = <T>(fn: () => Promise<T>) =>
  runWithRequestContext({ requestId: `bench-${Date.now()}`, tenant }, fn);

const dataDir = await mkdtemp(join(tmpdir(), 'ragfleet-bench-search-'));
const embedder = new RandomProjectionEmbedder(dimensions);
const config = loadRetrieveConfig({
  ...process.env,
  // Its own data and an in-process event bus: nothing shared with a fleet or other runs.
  DATA_DIR: dataDir,
  NATS_URL: undefined,
  MONGODB_URI: undefined,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // One chunk per synthetic document (they are under 1,000 characters), so chunks = documents.
  CHUNK_SIZE: '4000',
  CHUNK_OVERLAP: '0',
});
const hosted = await hostService({
  name: 'retrieve',
  config: () => config,
  grpcPort: () => 0,
  opsPort: () => 0,
  host: '127.0.0.1',
  exitOnSignal: false,
  compose: async (kit, composed) => {
    await composeRetrieve(kit, composed, { embedder });
  },
});
// Signs as the service itself: works whether the environment holds a service key or not.
const client = new RetrieveClient(`127.0.0.1:${hosted.grpcPort}`, { transport: hosted.transport });

try {
  const documents = syntheticCorpus(chunkCount, seed);
  log(`ingesting ${chunkCount} documents in requests of ${batch}`);
  const ingestStarted = performance.now();
  const jobs: string[] = [];
  for (let start = 0; start < documents.length; start += batch) {
    const { job } = await as(() =>
      client.ingestDocuments({ documents: documents.slice(start, start + batch) }),
    );
    if (!job) throw new Error('IngestDocuments returned no job');
    jobs.push(job.id);
  }
  for (const [i, id] of jobs.entries()) {
    for (;;) {
      const { job } = await as(() => client.getJob(id));
      if (job?.state === 'JOB_STATE_SUCCEEDED') break;
      if (job?.state === 'JOB_STATE_FAILED') throw new Error(`ingest job ${id} failed: ${job.error}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if ((i + 1) % 10 === 0) log(`${Math.min((i + 1) * batch, chunkCount)} documents indexed`);
  }
  const ingestSeconds = (performance.now() - ingestStarted) / 1000;
  log(`ingested in ${ingestSeconds.toFixed(1)} s`);

  const random = seededRandom(seed + 1);
  const queries = Array.from({ length: queryCount }, () => {
    const source = documents[Math.floor(random() * documents.length)]!;
    return { text: queryFor(source, random), source: source.id };
  });
  const results = [];
  for (const mode of modes) {
    const search = (query: string) => as(() => client.search({ query, k, mode }));
    for (const query of queries.slice(0, 50)) await search(query.text); // warm-up
    const latencies: number[] = [];
    let sourceFound = 0;
    let answeredMode = '';
    const started = performance.now();
    for (const query of queries) {
      const begun = performance.now();
      const response = await search(query.text);
      latencies.push(performance.now() - begun);
      answeredMode = response.mode;
      if (response.hits.some((hit) => hit.documentId === query.source)) sourceFound++;
    }
    const seconds = (performance.now() - started) / 1000;
    // A mode the service does not know would be answered in another: say so rather than mislabel.
    if (answeredMode !== mode)
      throw new Error(`asked for mode ${mode}, the service answered in ${answeredMode}`);
    latencies.sort((a, b) => a - b);
    results.push({
      mode,
      p50Ms: percentile(latencies, 50),
      p90Ms: percentile(latencies, 90),
      p99Ms: percentile(latencies, 99),
      meanMs: latencies.reduce((sum, value) => sum + value, 0) / latencies.length,
      requestsPerSecond: queries.length / seconds,
      sourceInTopK: sourceFound / queries.length,
    });
  }

  console.log(`\nSearch latency through gRPC, ${chunkCount} chunks of ${dimensions} dimensions, k=${k}`);
  console.log(
    'mode       p50 ms (goal)      p90 ms   p99 ms (goal)      mean ms  requests/s  source in top-k',
  );
  for (const r of results) {
    const goal = GOALS_MS[r.mode];
    console.log(
      `${r.mode.padEnd(8)} ${withGoal(r.p50Ms, goal?.p50)} ${r.p90Ms.toFixed(2).padStart(8)} ` +
        `${withGoal(r.p99Ms, goal?.p99)} ${r.meanMs.toFixed(2).padStart(8)}` +
        `  ${r.requestsPerSecond.toFixed(0).padStart(10)}  ${r.sourceInTopK.toFixed(3).padStart(15)}`,
    );
  }
  const file = writeReport('bench-search-latency', {
    chunks: chunkCount,
    dimensions,
    k,
    queries: queryCount,
    ingest: { seconds: ingestSeconds, chunksPerSecond: chunkCount / ingestSeconds },
    hnsw: { m: config.HNSW_M, efConstruction: config.HNSW_EF_CONSTRUCTION, efSearch: config.HNSW_EF_SEARCH },
    embedder: embedder.model,
    results,
    goalsMs: GOALS_MS,
    note: 'Sequential requests over loopback gRPC; client and retrieve share one process and 2 shared cores.',
  });
  log(`report written to ${file}`);
} finally {
  client.close();
  await hosted.lifecycle.shutdown('benchmark done');
  await rm(dataDir, { recursive: true, force: true });
}

/** "  12.34 (≤ 30 ok)" or "  45.67 (≤ 30 MISSED)"; blank goal column when the mode has none. */
function withGoal(ms: number, goal: number | undefined): string {
  const figure = ms.toFixed(2).padStart(8);
  if (goal === undefined) return `${figure}${' '.repeat(15)}`;
  return `${figure} ${`(≤ ${goal} ${ms <= goal ? 'ok' : 'MISSED'})`.padEnd(14)}`;
}
