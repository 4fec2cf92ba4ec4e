import { describe, expect, it } from '@jest/globals';
import { createMetricsRegistry, metricValue } from '@ragfleet/telemetry';
import type { IngestJob } from '../domain/ingest/ingest-job.ts';
import { BACKLOG_COUNT_LIMIT, exportIngestBacklog, prometheusRetrieveMetrics } from './prometheus-metrics.ts';

describe('retrieve Prometheus metrics', () => {
  it('times searches by mode', async () => {
    const registry = createMetricsRegistry('retrieve');
    const metrics = prometheusRetrieveMetrics(registry);
    metrics.searchSeconds(0.02, 'hybrid');
    metrics.searchSeconds(0.01, 'hybrid');
    metrics.searchSeconds(0.003, 'keyword');
    const count = 'ragfleet_retrieve_search_seconds_count';
    expect(await metricValue(registry, count, { mode: 'hybrid' })).toBe(2);
    expect(await metricValue(registry, count, { mode: 'keyword' })).toBe(1);
    expect(await metricValue(registry, count, { mode: 'vector' })).toBe(0);
  });

  it('reads the ingest backlog from the store at each scrape, up to the limit, now included', async () => {
    const registry = createMetricsRegistry('retrieve');
    let unfinished = 3;
    const asked: Array<{ before: Date; limit: number }> = [];
    exportIngestBacklog(registry, {
      listStaleJobs: async (before, limit) => {
        asked.push({ before, limit });
        return Array.from({ length: Math.min(unfinished, limit) }, () => ({}) as IngestJob);
      },
    });
    const scrapedAt = Date.now();
    expect(await metricValue(registry, 'ragfleet_retrieve_ingest_backlog_jobs')).toBe(3);
    unfinished = 0;
    expect(await metricValue(registry, 'ragfleet_retrieve_ingest_backlog_jobs')).toBe(0);
    expect(asked[0]!.limit).toBe(BACKLOG_COUNT_LIMIT);
    // A job updated this very millisecond is part of the backlog too.
    expect(asked[0]!.before.getTime()).toBeGreaterThan(scrapedAt);
  });
});
