// What one graph (dataset x M) measured, and the tables printed from it.
import type { EfPoint } from './ef-sweep.ts';
import type { BuildResult } from './hnsw-graph.ts';
import type { DatasetKind } from './datasets.ts';

export interface TargetResult {
  target: number;
  ef: number | undefined;
  recall: number | undefined;
  queriesPerSecond: number | undefined;
  p50Ms: number | undefined;
  p99Ms: number | undefined;
  speedupVsExact: number | undefined;
}

export interface GraphResult {
  dataset: DatasetKind;
  m: number;
  efConstruction: number;
  build: { seconds: number; vectorsPerSecond: number; cpuSeconds: number; vectorsPerCpuSecond: number };
  memory: BuildResult['memory'];
  exactQueriesPerSecond: number;
  /** At the service's configured efSearch. */
  serviceEf: EfPoint & { speedupVsExact: number };
  targets: TargetResult[];
  /** At the ef reaching the goal's recall, with a filter callback per candidate like retrieve's tenant check. */
  goalEfWithFilterCallback: (EfPoint & { speedupVsExact: number }) | undefined;
  goalMet: boolean;
  sweep: EfPoint[];
}

export interface Goal {
  recall: number;
  speedup: number;
}

const fixed = (value: number | undefined, digits: number): string =>
  value === undefined ? '-' : value.toFixed(digits);
const whole = (value: number | undefined): string =>
  value === undefined ? '-' : Math.round(value).toLocaleString('en-US');

function print(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

export function printTables(results: GraphResult[], goal: Goal): void {
  print(
    'Build and memory (bytes per vector; a raw float32 vector is the last column)',
    [
      'dataset',
      'M',
      'efC',
      'build s',
      'vectors/s',
      'vectors/CPU-s',
      'file B/vec',
      'RSS B/vec',
      'heap B/vec',
      'raw B/vec',
    ],
    results.map((r) => [
      r.dataset,
      String(r.m),
      String(r.efConstruction),
      fixed(r.build.seconds, 1),
      whole(r.build.vectorsPerSecond),
      whole(r.build.vectorsPerCpuSecond),
      whole(r.memory.indexFileBytesPerVector),
      whole(r.memory.rssBytesPerVector),
      whole(r.memory.heapBytesPerVector),
      whole(r.memory.rawVectorBytes),
    ]),
  );
  const rows: string[][] = [];
  for (const r of results) {
    rows.push([
      r.dataset,
      String(r.m),
      'exact',
      '-',
      '1.000',
      fixed(r.exactQueriesPerSecond, 1),
      '-',
      '-',
      '1.0',
    ]);
    const point = (label: string, p: (EfPoint & { speedupVsExact: number }) | undefined) =>
      rows.push([
        r.dataset,
        String(r.m),
        label,
        String(p?.ef ?? '-'),
        fixed(p?.recall, 3),
        whole(p?.queriesPerSecond),
        fixed(p?.p50Ms, 3),
        fixed(p?.p99Ms, 3),
        fixed(p?.speedupVsExact, 1),
      ]);
    point('service ef', r.serviceEf);
    for (const t of r.targets) {
      rows.push([
        r.dataset,
        String(r.m),
        `>= ${t.target.toFixed(2)}`,
        String(t.ef ?? 'not reached'),
        fixed(t.recall, 3),
        whole(t.queriesPerSecond),
        fixed(t.p50Ms, 3),
        fixed(t.p99Ms, 3),
        fixed(t.speedupVsExact, 1),
      ]);
    }
    point(`>= ${goal.recall.toFixed(2)} + filter`, r.goalEfWithFilterCallback);
  }
  print(
    `Search, recall@10 against exact search in the same run (goal: >= ${goal.speedup}x at recall >= ${goal.recall})`,
    ['dataset', 'M', 'recall target', 'ef', 'recall@10', 'queries/s', 'p50 ms', 'p99 ms', 'speedup'],
    rows,
  );
  console.log('');
  for (const r of results) {
    console.log(`${r.dataset} M=${r.m}: goal ${r.goalMet ? 'MET' : 'NOT met'}`);
  }
}
