import { z } from 'zod';
import { env, loadConfig, serviceAddresses, serviceFields } from '@ragfleet/config';

export const retrieveConfigSchema = z
  .object({
    ...serviceFields('retrieve'),
    /** Embedded state (store log, index files) lives under DATA_DIR/retrieve. */
    DATA_DIR: z.string().min(1).default('.data'),
    NATS_URL: env.optionalUrl(),
    NATS_NAMESPACE: env.natsNamespace(),
    // A string, not a URL: MongoDB seed lists (host1,host2) are not valid URLs.
    MONGODB_URI: env.optionalString(),
    EMBED_ADDR: serviceAddresses.EMBED_ADDR(),
    EMBED_MODEL: z.string().default(''),
    EMBED_BATCH_SIZE: env.positiveInt(64),
    CHUNK_SIZE: env.positiveInt(1000),
    CHUNK_OVERLAP: env.nonNegativeInt(150),
    HNSW_M: env.positiveInt(16),
    HNSW_EF_CONSTRUCTION: env.positiveInt(200),
    HNSW_EF_SEARCH: env.positiveInt(64),
    INGEST_CONCURRENCY: env.positiveInt(2),
    INGEST_MAX_ATTEMPTS: env.positiveInt(5),
  })
  .refine((config) => config.CHUNK_OVERLAP < config.CHUNK_SIZE, {
    path: ['CHUNK_OVERLAP'],
    message: 'must be smaller than CHUNK_SIZE',
  });

export type RetrieveConfig = z.output<typeof retrieveConfigSchema>;

export function loadRetrieveConfig(source: Record<string, string | undefined> = process.env): RetrieveConfig {
  return loadConfig('retrieve', retrieveConfigSchema, source);
}
