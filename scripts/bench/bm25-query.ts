// In-process cost of one BM25 query (retrieve's default analyzer, title weight and RM3 feedback)
// at 100k chunks, without gRPC, the vector index or the store: the keyword path alone. Run:
//   node scripts/bench/bm25-query.ts            (add --cpu-prof for a profile)
// Env: BENCH_CHUNKS (100000), BENCH_QUERIES (300), BENCH_K (100: search's default candidates),
// BENCH_SEED (42).
import { Bm25Index, DEFAULT_BM25 } from '../../services/retrieve/src/domain/index/bm25-index.ts';
import { percentile } from './report.ts';
import { seededRandom } from './vector/datasets.ts';
import { queryFor, syntheticCorpus } from './vector/synthetic-corpus.ts';

const number = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const chunkCount = number('BENCH_CHUNKS', 100_000);
const queryCount = number('BENCH_QUERIES', 300);
const k = number('BENCH_K', 100);
const seed = number('BENCH_SEED', 42);

const documents = syntheticCorpus(chunkCount, seed);
const index = new Bm25Index(DEFAULT_BM25);
const built = performance.now();
for (const document of documents)
  index.upsertDocument('bench', document.id, [
    {
      chunkId: `${document.id}#0`,
      documentId: document.id,
      title: document.title,
      text: document.text,
      metadata: {},
    },
  ]);
console.error(
  `[bench:bm25] indexed ${chunkCount} chunks in ${((performance.now() - built) / 1000).toFixed(1)} s`,
);

const random = seededRandom(seed + 1);
const queries = Array.from({ length: queryCount }, () =>
  queryFor(documents[Math.floor(random() * documents.length)]!, random),
);
for (const query of queries.slice(0, 30)) index.search('bench', query, k);
const latencies: number[] = [];
const cpuBefore = process.cpuUsage();
for (const query of queries) {
  const begun = performance.now();
  index.search('bench', query, k);
  latencies.push(performance.now() - begun);
}
const cpu = process.cpuUsage(cpuBefore);
latencies.sort((a, b) => a - b);
console.log(
  `BM25 in process, ${chunkCount} chunks, k=${k}: p50 ${percentile(latencies, 50).toFixed(2)} ms, ` +
    `p99 ${percentile(latencies, 99).toFixed(2)} ms, CPU ${((cpu.user + cpu.system) / 1000 / queryCount).toFixed(2)} ms/query`,
);
