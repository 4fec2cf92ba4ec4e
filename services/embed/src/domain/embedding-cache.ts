import { createHash } from 'node:crypto';

/**
 * Where computed vectors are kept between requests. Keys already name the model, so a cache
 * may hold several models side by side.
 */
export interface EmbeddingCache {
  /** The cached vector for each key, or undefined for a miss; same order as keys. */
  getMany(keys: string[]): Promise<Array<Float32Array | undefined>>;
  setMany(entries: Array<{ key: string; vector: Float32Array }>): Promise<void>;
}

/** Model plus a hash of the text: texts can be long, and the key must not leak them into Redis key lists. */
export function embeddingCacheKey(model: string, text: string): string {
  return `${model}:${createHash('sha256').update(text).digest('hex')}`;
}
