// Index backends side by side at several corpus sizes: retrieve's HNSW + BM25-file backend and the
// LanceDB backend, each through retrieve's own adapters. Run (under the bench lock):
//   flock /tmp/ragfleet-bench.lock node scripts/bench/index-backends.ts --sizes 10000,100000,1000000
// Per size and backend: build time (inserts, then persist/index), memory per chunk (RSS and V8 heap
// growth, on-disk bytes), p50/p99 and CPU per query for vector, keyword and hybrid (keyword, then
// vector, min-max fused as SearchService does, no feedback step), and recall@10 of vector search
// against exact search. Each size runs in a child process of its own; both backends are loaded in
// it and their query blocks alternate. Flags (backends/options.ts): --sizes --backends
// --dimensions (512) --queries (300) --rounds (6) --block (100) --candidates (100) --seed (42)
// --query-seconds (600 per size) --build-seconds (3600 per backend and size); retrieve's HNSW_*
// variables apply. Writes reports/index-backends.json and prints a table. docs/scaling.md reads it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOptions } from './backends/options.ts';
import type { SizeResult } from './backends/one-size.ts';
import { formatTables } from './backends/table.ts';
import { writeReport } from './report.ts';

const options = parseOptions(process.argv.slice(2));
const passOn = process.argv
  .slice(2)
  .filter((_, i, all) => all[i] !== '--sizes' && all[i - 1] !== '--sizes' && !all[i]!.startsWith('--sizes='));
const scratch = mkdtempSync(join(tmpdir(), 'ragfleet-bench-backends-'));
const results: SizeResult[] = [];
const failures: Array<{ size: number; status: number | null; signal: string | null }> = [];
// A child that outlives every bound it was given (builds, queries, plus an hour for data and exact search) is stuck.
const childSeconds = options.buildSeconds * options.backends.length + options.querySeconds + 3600;

try {
  for (const size of options.sizes) {
    const resultFile = join(scratch, `${size}.json`);
    const child = spawnSync(
      process.execPath,
      // The BM25 index and the corpus texts live on the V8 heap: 1M chunks need more than its default.
      [
        '--max-old-space-size=16384',
        join(import.meta.dirname, 'backends/one-size.ts'),
        ...passOn,
        '--sizes',
        String(size),
      ],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, INDEX_BENCH_RESULT: resultFile },
        timeout: childSeconds * 1000,
      },
    );
    if (child.status !== 0) {
      failures.push({ size, status: child.status, signal: child.signal });
      console.error(`[bench:backends] size ${size} failed (status ${child.status}, signal ${child.signal})`);
      continue;
    }
    results.push(JSON.parse(readFileSync(resultFile, 'utf8')) as SizeResult);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(formatTables(results));
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const file = writeReport('index-backends', {
  options,
  // What was measured: the adapters may have uncommitted changes in a shared working tree.
  revision: git('rev-parse', 'HEAD'),
  adapterChanges: git(
    'status',
    '--porcelain',
    '--',
    'services/retrieve/src/adapters',
    'services/retrieve/src/domain/index',
  ),
  results,
  failures,
  note: 'One run on this machine (2 shared cores); backends interleaved per size, sizes in separate processes.',
});
console.error(`[bench:backends] report written to ${file}`);
if (failures.length > 0) process.exitCode = 1;
