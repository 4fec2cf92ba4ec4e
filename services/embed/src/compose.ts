import { RagfleetError } from '@ragfleet/errors';
import { protos } from '@ragfleet/protos';
import type { ServiceKit } from '@ragfleet/service-host';
import { FailOpenCache } from './adapters/fail-open-cache.ts';
import { LocalEmbeddingProvider } from './adapters/local/local-embedding-provider.ts';
import { LocalModelPool, type LocalModelPoolOptions } from './adapters/local/local-model-pool.ts';
import { LruEmbeddingCache } from './adapters/lru-embedding-cache.ts';
import { OllamaEmbeddingProvider } from './adapters/ollama-embedding-provider.ts';
import { prometheusEmbedObserver } from './adapters/prometheus-embed-observer.ts';
import { connectRedis } from './adapters/redis-client.ts';
import { RedisEmbeddingCache } from './adapters/redis-embedding-cache.ts';
import type { EmbeddingCache } from './domain/embedding-cache.ts';
import type { EmbeddingProvider } from './domain/embedding-provider.ts';
import { EmbeddingService } from './domain/embedding-service.ts';
import { ModelCatalog } from './domain/model-catalog.ts';
import type { EmbedConfig } from './config.ts';
import { EMBED_SERVICE_NAME, embedHandlers } from './grpc/embed-handlers.ts';
import { StartAbandoned } from './start-abandoned.ts';

/** What a caller may supply instead of the configured adapters (tests: scripted model workers). */
export interface EmbedDependencies {
  localPool?: Partial<Omit<LocalModelPoolOptions, 'size' | 'onWorkerLost' | 'onLoadRetry'>>;
}

/** The composition root hostService runs (main.ts): embed on its configured adapters. */
export async function compose(kit: ServiceKit, config: EmbedConfig): Promise<void> {
  await composeEmbed(kit, config);
}

/**
 * Builds embed: adapters from config (each one's shutdown registered right after it), the
 * embedding service over them, and its gRPC handlers.
 */
export async function composeEmbed(
  { logger, registry, lifecycle, server }: ServiceKit,
  config: EmbedConfig,
  dependencies: EmbedDependencies = {},
): Promise<void> {
  const pool = new LocalModelPool({
    ...dependencies.localPool,
    size: config.EMBED_WORKERS,
    onWorkerLost: (reason) => logger.error({ reason }, 'local model worker lost; replacing it'),
    onLoadRetry: (attempt, reason, retryInMs) =>
      logger.warn({ attempt, reason, retryInMs }, 'local model failed to load; trying again'),
  });
  lifecycle.onShutdown('local model pool', () => pool.close());
  const local = new LocalEmbeddingProvider(pool);
  const providers: EmbeddingProvider[] = [local];
  let defaultModel = local.model;
  if (config.OLLAMA_HOST) {
    const ollama = new OllamaEmbeddingProvider({
      host: config.OLLAMA_HOST,
      model: config.OLLAMA_EMBED_MODEL,
    });
    providers.push(ollama);
    if (config.EMBED_DEFAULT_PROVIDER === 'ollama') defaultModel = ollama.model;
  }
  // Loading the model takes a moment per worker: pay it before turning ready, but only when the
  // local model is the default; otherwise the workers start on its first request.
  // A model that will not load after the pool's bounded tries stops the start, in one log line.
  if (config.EMBED_DEFAULT_PROVIDER === 'local') {
    await pool.start().catch((error: unknown) => {
      const reason = error instanceof RagfleetError ? (error.internal ?? error.message) : String(error);
      logger.error({ reason }, 'local embedding model failed to load; embed is stopping');
      throw new StartAbandoned(reason);
    });
  }

  let cache: EmbeddingCache;
  if (config.REDIS_URL) {
    const redis = await connectRedis({ url: config.REDIS_URL });
    lifecycle.onShutdown('redis', async () => void (await redis.quit().catch(() => redis.disconnect())));
    const redisCache = new RedisEmbeddingCache({
      redis,
      keyPrefix: config.EMBED_CACHE_PREFIX,
      ttlSeconds: config.EMBED_CACHE_TTL_SECONDS,
    });
    cache = new FailOpenCache(redisCache, logger);
  } else {
    cache = new LruEmbeddingCache({
      maxEntries: config.EMBED_CACHE_SIZE,
      ttlSeconds: config.EMBED_CACHE_TTL_SECONDS,
    });
  }

  const catalog = new ModelCatalog(providers, defaultModel);
  const service = new EmbeddingService({
    catalog,
    cache,
    batchSize: config.EMBED_BATCH_SIZE,
    concurrency: config.EMBED_CONCURRENCY,
    observer: prometheusEmbedObserver(registry),
  });
  logger.info(
    { models: catalog.list(), cache: config.REDIS_URL ? 'redis' : 'memory', workers: config.EMBED_WORKERS },
    'embedding models ready',
  );
  server.addService(EMBED_SERVICE_NAME, protos.embed().EmbedService.service, embedHandlers(service, catalog));
}
