// Search latency and recall of retrieve's HnswVectorIndex itself, in process, at 100k chunks: the
// vector part of a search without gRPC, embedding or the store. Run:
//   node scripts/bench/vector-index-search.ts
// One tenant holds BENCH_CHUNKS chunks (one per document, as bench:search ingests them), another
// tenant holds BENCH_OTHER_CHUNKS, so tenant isolation is part of what is timed. Searches ask for
// BENCH_K results (retrieve asks its index for SEARCH_CANDIDATES = 100) with no filter, a broad
// filter (half the tenant), a selective one (1%) and one document; recall@10 is against exact search
// over the same matching chunks.
//
// Env: BENCH_CHUNKS (100000), BENCH_OTHER_CHUNKS (10000), BENCH_DIM (512), BENCH_QUERIES (300),
// BENCH_K (100), BENCH_SEED (42), plus retrieve's HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HnswVectorIndex } from '../../services/retrieve/src/adapters/hnsw-vector-index.ts';
import { loadRetrieveConfig } from '../../services/retrieve/src/config.ts';
import type { IndexFilter } from '../../services/retrieve/src/domain/index/vector-index.ts';
import { percentile, writeReport } from './report.ts';
import { generateDataset } from './vector/datasets.ts';
import { exactTopK } from './vector/exact-search.ts';

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
};
const chunks = number('BENCH_CHUNKS', 100_000);
const otherChunks = number('BENCH_OTHER_CHUNKS', 10_000);
const dimensions = number('BENCH_DIM', 512);
const queryCount = number('BENCH_QUERIES', 300);
const k = number('BENCH_K', 100);
const seed = number('BENCH_SEED', 42);
const RECALL_AT = 10;
const TENANT = 'bench';
const service = loadRetrieveConfig(process.env);
const options = {
  m: service.HNSW_M,
  efConstruction: service.HNSW_EF_CONSTRUCTION,
  efSearch: service.HNSW_EF_SEARCH,
};
const log = (message: string) => console.error(`[bench:vector-index] ${message}`);

/** Metadata of the bench tenant's chunk i: every other one is `en`, 1 in 100 `rare`, 1 in 500 in bucket 7. */
const metadataOf = (i: number) => ({
  lang: i % 2 === 0 ? 'en' : 'fr',
  kind: i % 100 === 7 ? 'rare' : 'common',
  bucket: String(i % 500),
});
const cases: Array<{ name: string; filter: IndexFilter; matches: (i: number) => boolean }> = [
  { name: 'no filter', filter: {}, matches: () => true },
  { name: 'lang=en (50%)', filter: { lang: 'en' }, matches: (i) => i % 2 === 0 },
  { name: 'kind=rare (1%)', filter: { equals: { kind: 'rare' } }, matches: (i) => i % 100 === 7 },
  { name: 'bucket=7 (0.2%)', filter: { equals: { bucket: '7' } }, matches: (i) => i % 500 === 7 },
  { name: 'one document', filter: { equals: { document_id: 'doc-4242' } }, matches: (i) => i === 4242 },
];

const dataset = generateDataset('clustered', {
  count: chunks + otherChunks,
  queryCount,
  dimensions,
  seed,
  clusters: 100,
  clusterSpread: 0.6,
});
const row = (i: number) => dataset.vectors.subarray(i * dimensions, (i + 1) * dimensions);
const queries = Array.from({ length: queryCount }, (_, q) =>
  Array.from(dataset.queries.subarray(q * dimensions, (q + 1) * dimensions)),
);

const dir = await mkdtemp(join(tmpdir(), 'ragfleet-bench-vector-index-'));
try {
  const index = await HnswVectorIndex.open(dir, options);
  log(`indexing ${chunks} + ${otherChunks} chunks of ${dimensions} dimensions (${JSON.stringify(options)})`);
  const started = performance.now();
  const add = (tenant: string, i: number, documentId: string, metadata: Record<string, string>) =>
    index.upsertDocument(tenant, documentId, [
      { chunkId: `${documentId}#0`, documentId, vector: Array.from(row(i)), metadata },
    ]);
  // Interleaved, as a fleet's tenants ingest side by side.
  const ratio = otherChunks > 0 ? Math.max(1, Math.round(chunks / otherChunks)) : Infinity;
  let other = 0;
  for (let i = 0; i < chunks; i++) {
    await add(TENANT, i, `doc-${i}`, metadataOf(i));
    if (i % ratio === 0 && other < otherChunks)
      await add('other', chunks + other, `doc-${other++}`, metadataOf(i));
    if ((i + 1) % 20_000 === 0) log(`${i + 1} chunks indexed`);
  }
  while (other < otherChunks) await add('other', chunks + other, `doc-${other++}`, {});
  const buildSeconds = (performance.now() - started) / 1000;
  log(`indexed in ${buildSeconds.toFixed(1)} s`);

  const results = [];
  for (const { name, filter, matches } of cases) {
    // Exact top-10 over the chunks the filter lets through, as a flat matrix of them.
    const ids: number[] = [];
    for (let i = 0; i < chunks; i++) if (matches(i)) ids.push(i);
    const subset = new Float32Array(ids.length * dimensions);
    ids.forEach((id, n) => subset.set(row(id), n * dimensions));
    const truth = queries.map((query) =>
      Array.from(exactTopK(subset, dimensions, Float32Array.from(query), Math.min(RECALL_AT, ids.length)))
        .filter((n) => n >= 0)
        .map((n) => `doc-${ids[n]}#0`),
    );
    for (const query of queries.slice(0, 30)) await index.search(TENANT, query, k, filter); // warm-up
    const latencies: number[] = [];
    let found = 0;
    let expected = 0;
    let short = 0;
    for (const [q, query] of queries.entries()) {
      const begun = performance.now();
      const hits = await index.search(TENANT, query, k, filter);
      latencies.push(performance.now() - begun);
      if (hits.length < Math.min(k, ids.length)) short++;
      const top = new Set(hits.slice(0, RECALL_AT).map((hit) => hit.chunkId));
      for (const chunkId of truth[q]!) if (top.has(chunkId)) found++;
      expected += truth[q]!.length;
    }
    latencies.sort((a, b) => a - b);
    const result = {
      case: name,
      matching: ids.length,
      p50Ms: percentile(latencies, 50),
      p90Ms: percentile(latencies, 90),
      p99Ms: percentile(latencies, 99),
      recallAt10: found / expected,
      searchesWithFewerThanK: short,
    };
    log(JSON.stringify(result));
    results.push(result);
  }

  console.log(
    `\nHnswVectorIndex.search in process: ${chunks} chunks in the tenant (+${otherChunks} in another), ${dimensions} dimensions, k=${k}`,
  );
  console.log('case               matching   p50 ms   p90 ms   p99 ms  recall@10  fewer than k');
  for (const r of results) {
    console.log(
      `${r.case.padEnd(16)} ${String(r.matching).padStart(10)} ${r.p50Ms.toFixed(2).padStart(8)} ` +
        `${r.p90Ms.toFixed(2).padStart(8)} ${r.p99Ms.toFixed(2).padStart(8)} ${r.recallAt10.toFixed(3).padStart(10)}` +
        ` ${String(r.searchesWithFewerThanK).padStart(13)}`,
    );
  }
  const file = writeReport('bench-vector-index-search', {
    chunks,
    otherChunks,
    dimensions,
    k,
    queries: queryCount,
    hnsw: options,
    buildSeconds,
    results,
    note: 'In process, one search at a time, 2 shared cores; recall@10 against exact search over the matching chunks.',
  });
  log(`report written to ${file}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
