// One corpus size's data: chunk vectors and texts, held-out queries of both kinds, and the exact
// top-10 of every query vector (the ground truth for recall).
import { generateDataset, seededRandom } from '../vector/datasets.ts';
import { exactSearchAll } from '../vector/exact-search.ts';
import { queryFor, syntheticCorpus, type SyntheticDocument } from '../vector/synthetic-corpus.ts';

export const RECALL_K = 10;

/** One chunk as both indexes take it: each synthetic document is a single chunk. */
export interface BenchChunk {
  chunkId: string;
  documentId: string;
  title: string;
  text: string;
  vector: number[];
}

export interface Workload {
  size: number;
  dimensions: number;
  /** Chunks in insertion order, `batch` at a time (vectors become plain arrays only here). */
  chunks(batch: number): Generator<BenchChunk[]>;
  queryVectors: number[][];
  queryTexts: string[];
  /** Exact top-10 per query vector, as chunk positions. */
  truth: Int32Array[];
  exactQueriesPerSecond: number;
  /** Drops the corpus (vectors and texts) once every backend is built; queries stay. */
  release(): void;
}

/** Chunk position from its id (`doc-<i>#0`), to compare hits with the exact top-10. */
export function chunkPosition(chunkId: string): number {
  return Number(chunkId.slice(4, chunkId.indexOf('#')));
}

/**
 * Vectors: the clustered set of the vector benchmark (100 gaussian clusters, normalised), the
 * structure real embeddings have and uniform noise lacks. Texts: the seeded Zipf corpus of the
 * keyword benchmarks. Vector i and text i form chunk i; they are not derived from each other, so
 * hybrid figures here are costs, not ranking quality.
 */
export function buildWorkload(size: number, dimensions: number, queries: number, seed: number): Workload {
  const dataset = generateDataset('clustered', {
    count: size,
    queryCount: queries,
    dimensions,
    seed,
    clusters: 100,
    clusterSpread: 0.6,
  });
  let documents: SyntheticDocument[] | undefined = syntheticCorpus(size, seed);
  let vectors: Float32Array | undefined = dataset.vectors;
  const exact = exactSearchAll(dataset.vectors, dataset.queries, dimensions, RECALL_K);
  const random = seededRandom(seed + 1);
  const queryTexts = Array.from({ length: queries }, () =>
    queryFor(documents![Math.floor(random() * size)]!, random),
  );
  const queryVectors = rows(dataset.queries, dimensions);
  return {
    size,
    dimensions,
    *chunks(batch: number) {
      if (!documents || !vectors) throw new Error('the workload was released');
      for (let start = 0; start < size; start += batch) {
        const end = Math.min(size, start + batch);
        const chunks: BenchChunk[] = [];
        for (let i = start; i < end; i++) {
          const document = documents[i]!;
          chunks.push({
            chunkId: `${document.id}#0`,
            documentId: document.id,
            title: document.title,
            text: document.text,
            vector: Array.from(vectors.subarray(i * dimensions, (i + 1) * dimensions)),
          });
        }
        yield chunks;
      }
    },
    queryVectors,
    queryTexts,
    truth: exact.truth,
    exactQueriesPerSecond: exact.queriesPerSecond,
    release() {
      documents = undefined;
      vectors = undefined;
    },
  };
}

/** Row-major floats as plain arrays (what the index ports take); no closure keeps the source alive. */
function rows(floats: Float32Array, dimensions: number): number[][] {
  const result: number[][] = [];
  for (let base = 0; base < floats.length; base += dimensions)
    result.push(Array.from(floats.subarray(base, base + dimensions)));
  return result;
}
