// Vector-search benchmark: hnswlib-node with the retrieve service's settings against exact search
// computed in the same run. Run: pnpm bench  (node scripts/bench/vector-index.ts)
//
// For each dataset (uniform random and clustered, generated from a seed): build rate, memory per
// vector, exact top-10 of every held-out query by brute force (the baseline's queries/second),
// then the smallest efSearch reaching recall@10 of 0.90, 0.95 and 0.99 and the queries/second
// there. Goal: at recall@10 >= 0.95, at least 50x exact search; when the service's M misses it,
// M = 16 and 32 are tried too. Ratios come from one run: the machine may be shared.
//
// Env: BENCH_N (100000), BENCH_DIM (512), BENCH_QUERIES (1000), BENCH_DATASETS (random,clustered),
// BENCH_M (a comma list of M to build, instead of the service's M plus escalation), BENCH_MAX_EF
// (4096), BENCH_SEED (42), BENCH_CLUSTERS (100), BENCH_CLUSTER_SPREAD (0.6), and retrieve's own
// HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH.
import { loadRetrieveConfig } from '../../services/retrieve/src/config.ts';
import { writeReport } from './report.ts';
import { DATASET_KINDS, generateDataset, type Dataset, type DatasetKind } from './vector/datasets.ts';
import { exactSearchAll, exactTopK, type ExactRun } from './vector/exact-search.ts';
import { measureAtEf, sweepEf, type EfPoint, type SearchWorkload } from './vector/ef-sweep.ts';
import { buildGraph } from './vector/hnsw-graph.ts';
import { printTables, type GraphResult } from './vector/results.ts';

const K = 10;
const TARGETS = [0.9, 0.95, 0.99];
const GOAL = { recall: 0.95, speedup: 50 };
/** The M values tried when the service's M misses the goal. */
const ESCALATION_M = [16, 32];

const number = (name: string, fallback: number, integer = true): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0) || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be a positive ${integer ? 'integer' : 'number'}`);
  }
  return value;
};
const list = (name: string, fallback: string): string[] =>
  (process.env[name] ?? fallback)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const service = loadRetrieveConfig(process.env);
const settings = {
  count: number('BENCH_N', 100_000),
  dimensions: number('BENCH_DIM', 512),
  queryCount: number('BENCH_QUERIES', 1000),
  seed: number('BENCH_SEED', 42),
  clusters: number('BENCH_CLUSTERS', 100),
  clusterSpread: number('BENCH_CLUSTER_SPREAD', 0.6, false),
  maxEf: number('BENCH_MAX_EF', 4096),
  efConstruction: service.HNSW_EF_CONSTRUCTION,
  serviceM: service.HNSW_M,
  serviceEfSearch: service.HNSW_EF_SEARCH,
};
const kinds = list('BENCH_DATASETS', 'random,clustered') as DatasetKind[];
if (!kinds.every((kind) => DATASET_KINDS.includes(kind))) {
  throw new Error(`BENCH_DATASETS must list some of ${DATASET_KINDS.join(', ')}`);
}
const forcedM = process.env.BENCH_M ? list('BENCH_M', '').map(Number) : undefined;
if (forcedM?.some((m) => !Number.isInteger(m) || m < 2)) throw new Error('BENCH_M must list integers >= 2');

// Graphs stay alive to the end: freeing one lets the allocator hand its pages to the next build,
// which would then show almost no RSS growth.
const retained: unknown[] = [];

function log(message: string): void {
  console.error(`[bench:vector] ${message}`);
}

function checkExactSearch(dataset: Dataset): void {
  const { vectors, dimensions } = dataset;
  const probe = 7 % dataset.count;
  const top = exactTopK(
    vectors,
    dimensions,
    vectors.subarray(probe * dimensions, (probe + 1) * dimensions),
    K,
  );
  if (top[0] !== probe) throw new Error(`exact search is broken: vector ${probe} is not its own nearest`);
}

async function benchGraph(dataset: Dataset, exact: ExactRun, m: number): Promise<GraphResult> {
  log(`${dataset.kind}: building M=${m} efConstruction=${settings.efConstruction} over ${dataset.count}`);
  const build = await buildGraph(
    dataset.vectors,
    dataset.dimensions,
    { m, efConstruction: settings.efConstruction },
    (added) => log(`${dataset.kind}: ${added} vectors added`),
  );
  retained.push(build.graph);
  log(`${dataset.kind}: built in ${build.seconds.toFixed(1)} s; sweeping efSearch`);
  const queries: number[][] = [];
  for (let q = 0; q < dataset.queryCount; q++) {
    queries.push(Array.from(dataset.queries.subarray(q * dataset.dimensions, (q + 1) * dataset.dimensions)));
  }
  const workload: SearchWorkload = { graph: build.graph, queries, truth: exact.truth, k: K };
  measureAtEf({ ...workload, queries: queries.slice(0, 100) }, settings.serviceEfSearch); // warm-up
  const speedup = (point: EfPoint) => ({
    ...point,
    speedupVsExact: point.queriesPerSecond / exact.queriesPerSecond,
  });
  const serviceEf = speedup(measureAtEf(workload, settings.serviceEfSearch));
  const sweep = sweepEf(workload, TARGETS, Math.min(settings.maxEf, dataset.count));
  const targets = sweep.smallest.map(({ target, point }) => ({
    target,
    ef: point?.ef,
    recall: point?.recall,
    queriesPerSecond: point?.queriesPerSecond,
    p50Ms: point?.p50Ms,
    p99Ms: point?.p99Ms,
    speedupVsExact: point ? point.queriesPerSecond / exact.queriesPerSecond : undefined,
  }));
  const goal = targets.find((result) => result.target === GOAL.recall);
  // retrieve's filter: a Map lookup and a comparison per candidate, called from C++ into JS.
  const owners = new Map<number, string>();
  for (let label = 0; label < dataset.count; label++) owners.set(label, 'bench');
  const filter = (label: number) => owners.get(label) === 'bench';
  const goalEfWithFilterCallback =
    goal?.ef === undefined ? undefined : speedup(measureAtEf(workload, goal.ef, filter));
  return {
    dataset: dataset.kind,
    m,
    efConstruction: settings.efConstruction,
    build: {
      seconds: build.seconds,
      vectorsPerSecond: build.vectorsPerSecond,
      cpuSeconds: build.cpuSeconds,
      vectorsPerCpuSecond: build.vectorsPerCpuSecond,
    },
    memory: build.memory,
    exactQueriesPerSecond: exact.queriesPerSecond,
    serviceEf,
    targets,
    goalEfWithFilterCallback,
    goalMet: (goal?.speedupVsExact ?? 0) >= GOAL.speedup,
    sweep: sweep.points,
  };
}

const results: GraphResult[] = [];
const datasets: Array<{ kind: DatasetKind; description: string; exactSeconds: number }> = [];
for (const kind of kinds) {
  log(`${kind}: generating ${settings.count} + ${settings.queryCount} vectors of ${settings.dimensions}`);
  const dataset = generateDataset(kind, settings);
  checkExactSearch(dataset);
  log(`${kind}: exact top-${K} of ${dataset.queryCount} queries by brute force`);
  const exact = exactSearchAll(dataset.vectors, dataset.queries, dataset.dimensions, K);
  log(`${kind}: exact search ${exact.queriesPerSecond.toFixed(1)} queries/s`);
  datasets.push({ kind, description: dataset.description, exactSeconds: exact.seconds });
  const plan = forcedM ?? [settings.serviceM];
  for (let i = 0; i < plan.length; i++) {
    const result = await benchGraph(dataset, exact, plan[i]!);
    results.push(result);
    // Each graph's figures as soon as they exist: a long run cut short still tells something.
    log(`${kind} M=${result.m}: ${JSON.stringify({ build: result.build, targets: result.targets })}`);
    if (!forcedM && !result.goalMet) {
      for (const m of ESCALATION_M) if (!plan.includes(m)) plan.push(m);
    }
  }
}

printTables(results, GOAL);
const file = writeReport('bench-vector', {
  goal: GOAL,
  k: K,
  settings,
  datasets,
  results,
  goalMet: kinds.every((kind) => results.some((result) => result.dataset === kind && result.goalMet)),
  note: 'Speed-ups compare queries/second measured in this run on this machine (2 shared cores).',
});
log(`report written to ${file}`);
