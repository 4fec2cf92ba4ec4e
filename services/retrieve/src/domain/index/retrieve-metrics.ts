export type IngestStage = 'chunk' | 'embed' | 'store' | 'index';

/** What the domain reports; the Prometheus adapter lives in src/adapters/prometheus-metrics.ts. */
export interface RetrieveMetrics {
  chunksIndexed(count: number): void;
  jobFinished(state: 'succeeded' | 'failed' | 'retried'): void;
  stageSeconds(stage: IngestStage, seconds: number): void;
  /** One search's latency, embedding included, by mode (vector, keyword, hybrid). */
  searchSeconds(seconds: number, mode: string): void;
  indexSize(size: number): void;
  /** Jobs the ingest sweep found uncovered: published again, or given up. */
  jobsSwept(outcome: 'requeued' | 'failed', count: number): void;
  /** Whether the event bus is connected (1) or reconnecting/closed (0). */
  eventBusConnected(connected: boolean): void;
  /** Ingest jobs now waiting for an unreachable embed (+1 as one starts waiting, -1 as it stops). */
  jobsWaitingForEmbed(change: 1 | -1): void;
  /** Query texts found in, and missing from, the searchers' query-vector cache. */
  queryVectorLookups(hits: number, misses: number): void;
}

export const noMetrics: RetrieveMetrics = {
  chunksIndexed: () => {},
  jobFinished: () => {},
  stageSeconds: () => {},
  searchSeconds: () => {},
  indexSize: () => {},
  jobsSwept: () => {},
  eventBusConnected: () => {},
  jobsWaitingForEmbed: () => {},
  queryVectorLookups: () => {},
};

/** Runs fn and reports how long it took, also when it fails. */
export async function timed<T>(report: (seconds: number) => void, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    report((performance.now() - started) / 1000);
  }
}
