// Recall@k and speed of the graph at a given efSearch, and the search for the smallest efSearch
// that reaches each recall target.
import { percentile } from '../report.ts';
import type { HnswGraph } from './hnsw-graph.ts';
import { medianRate } from './throughput.ts';

export interface EfPoint {
  ef: number;
  recall: number;
  /** Median batch rate (see throughput.ts). */
  queriesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface SearchWorkload {
  graph: HnswGraph;
  /** Queries as the plain arrays hnswlib-node takes (retrieve gets them that way from gRPC). */
  queries: number[][];
  /** Exact top-k per query. */
  truth: Int32Array[];
  k: number;
}

/** Runs every query at `ef` (optionally through a filter callback, as retrieve always searches). */
export function measureAtEf(
  { graph, queries, truth, k }: SearchWorkload,
  ef: number,
  filter?: (label: number) => boolean,
): EfPoint {
  graph.setEf(ef);
  const latencies: number[] = [];
  let found = 0;
  const queriesPerSecond = medianRate(queries.length, (q) => {
    const begun = performance.now();
    const { neighbors } = graph.searchKnn(queries[q]!, k, filter);
    latencies.push(performance.now() - begun);
    const expected = truth[q]!;
    for (const label of neighbors) if (expected.includes(label)) found++;
  });
  latencies.sort((a, b) => a - b);
  return {
    ef,
    recall: found / (queries.length * k),
    queriesPerSecond,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

export interface EfSweep {
  /** Every efSearch measured, ascending. */
  points: EfPoint[];
  /** Per recall target, the smallest efSearch found to reach it (undefined: not reached by maxEf). */
  smallest: Array<{ target: number; point: EfPoint | undefined }>;
}

/**
 * A geometric grid of efSearch (x1.25) up to the first value reaching the highest target, then a
 * bisection between grid neighbours for each target. Recall is only roughly monotonic in ef, so
 * "smallest" means smallest found by this search, to within 2% (and the noise of recall).
 */
export function sweepEf(workload: SearchWorkload, targets: number[], maxEf: number): EfSweep {
  const measured = new Map<number, EfPoint>();
  const at = (ef: number): EfPoint => {
    let point = measured.get(ef);
    if (!point) measured.set(ef, (point = measureAtEf(workload, ef)));
    return point;
  };
  const highest = Math.max(...targets);
  const grid: number[] = [];
  for (let ef = workload.k; ef <= maxEf; ef = Math.max(ef + 1, Math.ceil(ef * 1.25))) {
    grid.push(ef);
    if (at(ef).recall >= highest) break;
  }
  const smallest = targets.map((target) => {
    const first = grid.findIndex((ef) => at(ef).recall >= target);
    if (first < 0) return { target, point: undefined };
    let low = first === 0 ? workload.k - 1 : grid[first - 1]!; // fails the target
    let high = grid[first]!; // reaches it
    // Within 2% is precise enough and saves many slow passes at large ef.
    while (high - low > Math.max(1, Math.floor(high * 0.02))) {
      const middle = Math.floor((low + high) / 2);
      if (at(middle).recall >= target) high = middle;
      else low = middle;
    }
    return { target, point: at(high) };
  });
  const points = [...measured.values()].sort((a, b) => a.ef - b.ef);
  return { points, smallest };
}
