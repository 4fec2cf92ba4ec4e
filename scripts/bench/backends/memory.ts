// Memory readings that leave out garbage: a full collection before each one (twice, a tick apart,
// so native memory released by finalizers is gone too).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

export interface MemoryReading {
  rss: number;
  heapUsed: number;
  external: number;
}

export async function settledMemory(): Promise<MemoryReading> {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}
