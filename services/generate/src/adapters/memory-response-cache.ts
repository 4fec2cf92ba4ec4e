import { LRUCache } from 'lru-cache';
import type { CachedAnswer, ResponseCache } from '../domain/response-cache.ts';

export interface MemoryResponseCacheOptions {
  maxEntries: number;
  ttlSeconds: number;
}

/** The embedded default: an LRU in this process (each replica keeps its own). */
export class MemoryResponseCache implements ResponseCache {
  readonly #entries: LRUCache<string, CachedAnswer>;

  constructor(options: MemoryResponseCacheOptions) {
    this.#entries = new LRUCache({ max: options.maxEntries, ttl: options.ttlSeconds * 1000 });
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const answer = this.#entries.get(key);
    // A copy: a caller changing what it got must not change what the next hit replays.
    return answer ? { ...answer, tokens: [...answer.tokens] } : undefined;
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    this.#entries.set(key, { ...answer, tokens: [...answer.tokens] });
  }
}
