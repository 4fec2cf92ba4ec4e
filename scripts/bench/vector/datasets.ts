// Synthetic vector sets generated from a seed, so every run and every machine measures the same data.
import { seededRandom } from '../../../packages/seeded-random/src/index.ts';

// Re-exported for the vector benchmarks that draw from the same generator.
export { seededRandom };

export const DATASET_KINDS = ['random', 'clustered'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export interface Dataset {
  kind: DatasetKind;
  description: string;
  dimensions: number;
  /** Indexed vectors, row-major, unit length. */
  vectors: Float32Array;
  count: number;
  /** Held-out queries from the same distribution, never indexed. */
  queries: Float32Array;
  queryCount: number;
}

export interface DatasetOptions {
  count: number;
  queryCount: number;
  dimensions: number;
  seed: number;
  clusters: number;
  /** Norm of a clustered point's offset from its unit-length centre (before normalising). */
  clusterSpread: number;
}

/** Standard normal samples by Box-Muller. */
function seededGaussian(random: () => number): () => number {
  return () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

export function normalizeRows(vectors: Float32Array, dimensions: number): void {
  for (let base = 0; base < vectors.length; base += dimensions) {
    let sum = 0;
    for (let d = 0; d < dimensions; d++) sum += vectors[base + d]! * vectors[base + d]!;
    const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    for (let d = 0; d < dimensions; d++) vectors[base + d]! *= scale;
  }
}

export function generateDataset(kind: DatasetKind, options: DatasetOptions): Dataset {
  const { count, queryCount, dimensions } = options;
  const all = new Float32Array((count + queryCount) * dimensions);
  let description: string;
  if (kind === 'random') {
    const random = seededRandom(options.seed);
    for (let i = 0; i < all.length; i++) all[i] = random() * 2 - 1;
    description = `uniform in [-1, 1]^${dimensions}, normalised`;
  } else {
    fillClustered(all, options);
    description =
      `${options.clusters} gaussian clusters (unit centres, offset norm ~${options.clusterSpread}), ` +
      'normalised';
  }
  normalizeRows(all, dimensions);
  return {
    kind,
    description,
    dimensions,
    vectors: all.subarray(0, count * dimensions),
    count,
    queries: all.subarray(count * dimensions),
    queryCount,
  };
}

/**
 * Real embeddings bunch into topics; points scattered around a hundred centres model that better
 * than uniform noise, which has no neighbourhood structure at all and is HNSW's worst case.
 */
function fillClustered(all: Float32Array, options: DatasetOptions): void {
  const { dimensions, clusters, clusterSpread } = options;
  const random = seededRandom(options.seed);
  const gaussian = seededGaussian(random);
  const centres = new Float32Array(clusters * dimensions);
  for (let i = 0; i < centres.length; i++) centres[i] = gaussian();
  normalizeRows(centres, dimensions);
  // Per-coordinate deviation giving an offset of norm ~clusterSpread.
  const sigma = clusterSpread / Math.sqrt(dimensions);
  for (let base = 0; base < all.length; base += dimensions) {
    const centre = Math.floor(random() * clusters) * dimensions;
    for (let d = 0; d < dimensions; d++) all[base + d] = centres[centre + d]! + sigma * gaussian();
  }
}
