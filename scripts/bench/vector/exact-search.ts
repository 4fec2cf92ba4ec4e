// The baseline: exact top-k by scanning every vector. Vectors are unit length, so the dot product
// is the cosine similarity. Flat Float32Array and a 4-way unrolled loop: as fast as plain JS gets,
// so the speed-up reported against it is not flattered by a slow baseline.

import { medianRate } from './throughput.ts';

/** Indices of the k vectors most similar to `query`, most similar first. */
export function exactTopK(
  vectors: Float32Array,
  dimensions: number,
  query: Float32Array,
  k: number,
): Int32Array {
  const count = vectors.length / dimensions;
  const bestIndex = new Int32Array(k).fill(-1);
  const bestScore = new Float64Array(k).fill(-Infinity);
  const unrolled = dimensions - (dimensions % 4);
  for (let i = 0; i < count; i++) {
    const base = i * dimensions;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let d = 0; d < unrolled; d += 4) {
      s0 += vectors[base + d]! * query[d]!;
      s1 += vectors[base + d + 1]! * query[d + 1]!;
      s2 += vectors[base + d + 2]! * query[d + 2]!;
      s3 += vectors[base + d + 3]! * query[d + 3]!;
    }
    for (let d = unrolled; d < dimensions; d++) s0 += vectors[base + d]! * query[d]!;
    const score = s0 + s1 + s2 + s3;
    if (score <= bestScore[k - 1]!) continue;
    // Insertion into the sorted top-k: k is small, so this beats any heap.
    let slot = k - 1;
    while (slot > 0 && bestScore[slot - 1]! < score) {
      bestScore[slot] = bestScore[slot - 1]!;
      bestIndex[slot] = bestIndex[slot - 1]!;
      slot--;
    }
    bestScore[slot] = score;
    bestIndex[slot] = i;
  }
  return bestIndex;
}

export interface ExactRun {
  /** Exact top-k per query: the ground truth for recall. */
  truth: Int32Array[];
  seconds: number;
  /** Median batch rate (see throughput.ts). */
  queriesPerSecond: number;
}

export function exactSearchAll(
  vectors: Float32Array,
  queries: Float32Array,
  dimensions: number,
  k: number,
): ExactRun {
  const queryCount = queries.length / dimensions;
  const truth: Int32Array[] = [];
  const started = performance.now();
  const queriesPerSecond = medianRate(queryCount, (q) => {
    truth.push(exactTopK(vectors, dimensions, queries.subarray(q * dimensions, (q + 1) * dimensions), k));
  });
  return { truth, seconds: (performance.now() - started) / 1000, queriesPerSecond };
}
