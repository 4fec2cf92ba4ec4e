import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { env, loadConfig, serviceFields } from '@ragfleet/config';

const schema = z
  .object({
    ...serviceFields('embed'),
    /** Shared cache; without it each replica keeps an in-process LRU. */
    REDIS_URL: env.optionalUrl(),
    EMBED_CACHE_PREFIX: z.string().default('ragfleet:embed:'),
    EMBED_CACHE_TTL_SECONDS: env.positiveInt(7 * 24 * 3600),
    EMBED_CACHE_SIZE: env.positiveInt(50_000),
    /** Enables the Ollama provider. */
    OLLAMA_HOST: env.optionalUrl(),
    OLLAMA_EMBED_MODEL: z.string().min(1).default('nomic-embed-text'),
    /** Unset: ollama when OLLAMA_HOST is set, local otherwise. */
    EMBED_DEFAULT_PROVIDER: z.enum(['local', 'ollama']).optional(),
    EMBED_BATCH_SIZE: env.positiveInt(32),
    /** Local model worker threads; one per core by default. */
    EMBED_WORKERS: env.positiveInt(availableParallelism()),
    /** Model calls in flight at once; defaults to EMBED_WORKERS so every worker stays busy. */
    EMBED_CONCURRENCY: z.coerce.number().int().positive().optional(),
  })
  .superRefine((config, context) => {
    if (config.EMBED_DEFAULT_PROVIDER === 'ollama' && !config.OLLAMA_HOST) {
      context.addIssue({
        code: 'custom',
        path: ['EMBED_DEFAULT_PROVIDER'],
        message: 'ollama needs OLLAMA_HOST to be set',
      });
    }
  })
  .transform((config) => ({
    ...config,
    EMBED_DEFAULT_PROVIDER: config.EMBED_DEFAULT_PROVIDER ?? (config.OLLAMA_HOST ? 'ollama' : 'local'),
    EMBED_CONCURRENCY: config.EMBED_CONCURRENCY ?? config.EMBED_WORKERS,
  }));

export type EmbedConfig = z.output<typeof schema>;

export function loadEmbedConfig(source: Record<string, string | undefined> = process.env): EmbedConfig {
  return loadConfig('embed', schema, source);
}
