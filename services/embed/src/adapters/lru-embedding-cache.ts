import { LRUCache } from 'lru-cache';
import type { EmbeddingCache } from '../domain/embedding-cache.ts';

/** The embedded default: recent vectors kept in this process, bounded by entry count. */
export class LruEmbeddingCache implements EmbeddingCache {
  readonly #entries: LRUCache<string, Float32Array>;

  constructor(options: { maxEntries: number; ttlSeconds?: number }) {
    this.#entries = new LRUCache({
      max: options.maxEntries,
      ...(options.ttlSeconds ? { ttl: options.ttlSeconds * 1000 } : {}),
    });
  }

  async getMany(keys: string[]): Promise<Array<Float32Array | undefined>> {
    return keys.map((key) => this.#entries.get(key));
  }

  async setMany(entries: Array<{ key: string; vector: Float32Array }>): Promise<void> {
    for (const { key, vector } of entries) this.#entries.set(key, vector);
  }
}
