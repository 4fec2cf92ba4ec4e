// hnswlib-node exactly as the retrieve service loads and configures it (cosine space, M,
// efConstruction, allowReplaceDeleted), timed while it is built and weighed once it is.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The part of hnswlib-node's HierarchicalNSW this benchmark drives. */
export interface HnswGraph {
  initIndex(options: {
    maxElements: number;
    m?: number;
    efConstruction?: number;
    randomSeed?: number;
    allowReplaceDeleted?: boolean;
  }): void;
  addPoint(point: number[], label: number, replaceDeleted?: boolean): void;
  searchKnn(
    query: number[],
    k: number,
    filter?: (label: number) => boolean,
  ): { distances: number[]; neighbors: number[] };
  setEf(ef: number): void;
  writeIndex(file: string): Promise<boolean>;
}

interface HnswModule {
  HierarchicalNSW: new (space: 'cosine', dimensions: number) => HnswGraph;
}

// hnswlib-node is a dependency of the retrieve service, not of the repository root: resolve it
// from there, which also guarantees the benchmark measures the very build retrieve runs.
const requireFromRetrieve = createRequire(
  join(import.meta.dirname, '../../../services/retrieve/package.json'),
);
const { HierarchicalNSW } = requireFromRetrieve('hnswlib-node') as HnswModule;

// A full collection before each memory reading keeps garbage from earlier phases (and graphs
// built before) out of the deltas; native memory is released by finalizers, which may run a tick later.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  return process.memoryUsage();
}

export interface HnswSettings {
  m: number;
  efConstruction: number;
}

export interface BuildResult {
  graph: HnswGraph;
  seconds: number;
  vectorsPerSecond: number;
  /** The build is single-threaded: per CPU-second, the rate is what it would be on an idle core. */
  cpuSeconds: number;
  vectorsPerCpuSecond: number;
  memory: {
    /** Resident set growth while building, per vector (the graph lives in native memory). */
    rssBytesPerVector: number;
    /** V8 heap growth while building, per vector (should be ~0: nothing stays on the JS heap). */
    heapBytesPerVector: number;
    /** Size of the file writeIndex produces, per vector: the graph's own layout, free of allocator noise. */
    indexFileBytesPerVector: number;
    /** What the float32 vector alone takes: the rest is graph links and bookkeeping. */
    rawVectorBytes: number;
  };
}

export async function buildGraph(
  vectors: Float32Array,
  dimensions: number,
  settings: HnswSettings,
  onProgress?: (added: number) => void,
): Promise<BuildResult> {
  const count = vectors.length / dimensions;
  const before = await settledMemory();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const graph = new HierarchicalNSW('cosine', dimensions);
  graph.initIndex({
    maxElements: count,
    m: settings.m,
    efConstruction: settings.efConstruction,
    allowReplaceDeleted: true,
  });
  const step = Math.max(1, Math.ceil(count / 10));
  for (let i = 0; i < count; i++) {
    graph.addPoint(Array.from(vectors.subarray(i * dimensions, (i + 1) * dimensions)), i);
    if ((i + 1) % step === 0) onProgress?.(i + 1);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const after = await settledMemory();
  return {
    graph,
    seconds,
    vectorsPerSecond: count / seconds,
    cpuSeconds,
    vectorsPerCpuSecond: count / cpuSeconds,
    memory: {
      rssBytesPerVector: (after.rss - before.rss) / count,
      heapBytesPerVector: (after.heapUsed - before.heapUsed) / count,
      indexFileBytesPerVector: (await indexFileSize(graph)) / count,
      rawVectorBytes: dimensions * Float32Array.BYTES_PER_ELEMENT,
    },
  };
}

async function indexFileSize(graph: HnswGraph): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'ragfleet-bench-vector-'));
  try {
    const file = join(dir, 'graph.bin');
    await graph.writeIndex(file);
    return (await stat(file)).size;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
