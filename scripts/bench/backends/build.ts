// Loads a workload into a backend and weighs the result: time (insert, then seal), CPU, and memory
// per chunk as resident set, V8 heap and on-disk bytes.
import type { IndexBackend } from './backend.ts';
import { settledMemory } from './memory.ts';
import type { Workload } from './workload.ts';

/** Chunks per insert call: retrieve's ingest hands an index one document (here one chunk) at a time. */
const INSERT_BATCH = 1000;

export interface BuildFigures {
  insertSeconds: number;
  sealSeconds: number;
  /** Insert + seal: until the backend serves what it was given. */
  seconds: number;
  cpuSeconds: number;
  chunksPerSecond: number;
  /** The seal's error when it failed (the index still serves from memory). */
  sealError?: string;
  memory: {
    /** Resident set growth, per chunk: native memory (the graph, Arrow buffers) shows only here. */
    rssBytesPerChunk: number;
    heapBytesPerChunk: number;
    externalBytesPerChunk: number;
    diskBytesPerChunk: number;
    /** A float32 vector alone, for scale. */
    rawVectorBytes: number;
  };
}

export async function buildBackend(
  backend: IndexBackend,
  workload: Workload,
  deadlineSeconds: number,
  log: (message: string) => void,
): Promise<BuildFigures> {
  const before = await settledMemory();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + deadlineSeconds * 1000;
  const step = Math.max(INSERT_BATCH, Math.ceil(workload.size / 10 / INSERT_BATCH) * INSERT_BATCH);
  let inserted = 0;
  for (const chunks of workload.chunks(INSERT_BATCH)) {
    await backend.insert(chunks);
    inserted += chunks.length;
    if (inserted % step === 0)
      log(`${backend.name}: ${inserted} chunks in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    if (performance.now() > deadline && inserted < workload.size)
      throw new Error(`${backend.name}: only ${inserted} of ${workload.size} chunks in ${deadlineSeconds} s`);
  }
  const insertSeconds = (performance.now() - started) / 1000;
  let sealError: string | undefined;
  try {
    await backend.seal();
  } catch (error) {
    sealError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    log(`${backend.name}: seal failed: ${sealError}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const after = await settledMemory();
  const perChunk = (bytes: number) => bytes / workload.size;
  return {
    insertSeconds,
    sealSeconds: seconds - insertSeconds,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    chunksPerSecond: workload.size / seconds,
    ...(sealError === undefined ? {} : { sealError }),
    memory: {
      rssBytesPerChunk: perChunk(after.rss - before.rss),
      heapBytesPerChunk: perChunk(after.heapUsed - before.heapUsed),
      externalBytesPerChunk: perChunk(after.external - before.external),
      diskBytesPerChunk: perChunk(await backend.diskBytes()),
      rawVectorBytes: workload.dimensions * Float32Array.BYTES_PER_ELEMENT,
    },
  };
}
