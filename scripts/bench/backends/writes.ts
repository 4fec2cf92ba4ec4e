// What one more document costs once the index is large: each backend rewrites the same sample of
// documents (same content) through its adapters' upsertDocument, one at a time, as ingest does.
import { percentile } from '../report.ts';
import type { IndexBackend } from './backend.ts';
import type { BenchChunk } from './workload.ts';

export interface WriteFigures {
  documents: number;
  p50Ms: number;
  p99Ms: number;
}

export async function measureWrites(
  backend: IndexBackend,
  sample: BenchChunk[],
  seconds: number,
): Promise<WriteFigures> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  for (const chunk of sample) {
    if (performance.now() > deadline) break;
    const begun = performance.now();
    await backend.replace(chunk);
    latencies.push(performance.now() - begun);
  }
  latencies.sort((a, b) => a - b);
  return { documents: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
