import { counter, histogram, LATENCY_BUCKETS, type Registry } from '@ragfleet/telemetry';
import type { EmbedObserver } from '../domain/embed-observer.ts';

const BATCH_SIZE_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

/** The embed service's metrics; request latency is measured by the gRPC server already. */
export function prometheusEmbedObserver(registry: Registry): EmbedObserver {
  const texts = counter(registry, 'ragfleet_embed_texts_total', 'Texts run through a model (cache misses).', [
    'model',
  ]);
  const batchSize = histogram(
    registry,
    'ragfleet_embed_batch_size',
    'Texts per model call.',
    ['provider'],
    BATCH_SIZE_BUCKETS,
  );
  const hits = counter(registry, 'ragfleet_embed_cache_hits_total', 'Texts served from the embedding cache.');
  const misses = counter(
    registry,
    'ragfleet_embed_cache_misses_total',
    'Texts the embedding cache did not have.',
  );
  const duration = histogram(
    registry,
    'ragfleet_embed_duration_seconds',
    'Time inside the model for one batch.',
    ['provider'],
    LATENCY_BUCKETS,
  );
  return {
    cacheLookedUp(hitCount, missCount) {
      hits.inc(hitCount);
      misses.inc(missCount);
    },
    batchEmbedded(provider, model, size, seconds) {
      texts.inc({ model }, size);
      batchSize.observe({ provider }, size);
      duration.observe({ provider }, seconds);
    },
  };
}
