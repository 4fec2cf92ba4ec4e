import { counter, gauge, histogram, observedGauge, type Registry } from '@ragfleet/telemetry';
import type { DocumentStore } from '../domain/index/document-store.ts';
import type { RetrieveMetrics } from '../domain/index/retrieve-metrics.ts';

const STAGE_BUCKETS = [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** retrieve's Prometheus metrics; the stage timings feed the ingest benchmark. */
export function prometheusRetrieveMetrics(registry: Registry): RetrieveMetrics {
  const chunks = counter(
    registry,
    'ragfleet_retrieve_chunks_indexed_total',
    'Chunks written to store and index.',
  );
  const jobs = counter(
    registry,
    'ragfleet_retrieve_ingest_jobs_total',
    'Ingest job attempts that ended, by state.',
    ['state'],
  );
  const stages = histogram(
    registry,
    'ragfleet_retrieve_ingest_stage_seconds',
    'Time spent in each ingest stage (chunk, embed, store, index).',
    ['stage'],
    STAGE_BUCKETS,
  );
  const search = histogram(
    registry,
    'ragfleet_retrieve_search_seconds',
    'Search latency, embedding included, by mode.',
    ['mode'],
  );
  const size = gauge(registry, 'ragfleet_retrieve_index_size', 'Live chunk vectors in the index.');
  const swept = counter(
    registry,
    'ragfleet_retrieve_ingest_swept_total',
    'Ingest jobs the sweep found uncovered (no message, no worker), by outcome: requeued or failed.',
    ['outcome'],
  );
  const busConnected = gauge(
    registry,
    'ragfleet_retrieve_event_bus_connected',
    '1 while the event bus (NATS) is connected, 0 while it reconnects.',
  );
  const waitingForEmbed = gauge(
    registry,
    'ragfleet_retrieve_ingest_waiting_for_embed',
    'Ingest jobs held (queued, no attempt used) because embed is unreachable.',
  );
  const queryHits = counter(
    registry,
    'ragfleet_retrieve_query_cache_hits_total',
    'Query texts whose vector came from the query-vector cache (no embed call).',
  );
  const queryMisses = counter(
    registry,
    'ragfleet_retrieve_query_cache_misses_total',
    'Query texts embedded by the embed service because the query-vector cache lacked them.',
  );
  return {
    chunksIndexed: (count) => chunks.inc(count),
    jobFinished: (state) => jobs.inc({ state }),
    stageSeconds: (stage, seconds) => stages.observe({ stage }, seconds),
    searchSeconds: (seconds, mode) => search.observe({ mode }, seconds),
    indexSize: (value) => size.set(value),
    jobsSwept: (outcome, count) => swept.inc({ outcome }, count),
    eventBusConnected: (connected) => busConnected.set(connected ? 1 : 0),
    jobsWaitingForEmbed: (change) => (change > 0 ? waitingForEmbed.inc() : waitingForEmbed.dec()),
    queryVectorLookups: (hits, misses) => {
      if (hits > 0) queryHits.inc(hits);
      if (misses > 0) queryMisses.inc(misses);
    },
  };
}

/** Jobs counted at most, so that a scrape stays cheap however deep the backlog. */
export const BACKLOG_COUNT_LIMIT = 10_000;

/**
 * The ingest backlog as the store holds it, read at each scrape: jobs accepted and not ended
 * (queued or running), whichever replica took them. Replicas sharing one store (MongoDB) report
 * the same number, so dashboards take the max over replicas, not the sum.
 */
export function exportIngestBacklog(registry: Registry, store: Pick<DocumentStore, 'listStaleJobs'>): void {
  observedGauge(
    registry,
    'ragfleet_retrieve_ingest_backlog_jobs',
    `Ingest jobs queued or running in the store (counted up to ${BACKLOG_COUNT_LIMIT}).`,
    async () => (await store.listStaleJobs(new Date(Date.now() + 1), BACKLOG_COUNT_LIMIT)).length,
  );
}
