import { counter, type Registry } from '@ragfleet/telemetry';
import type { CachedAnswer, ResponseCache } from '../domain/response-cache.ts';

/**
 * Counts lookups as hits and misses (a lookup that failed is a miss: the answer was generated).
 * Lookups happen only for cacheable answers: no tenant, a flagged passage or a chain with no
 * reachable model count as neither.
 */
export class CountedResponseCache implements ResponseCache {
  readonly #cache: ResponseCache;
  readonly #hits;
  readonly #misses;

  constructor(cache: ResponseCache, registry: Registry) {
    this.#cache = cache;
    this.#hits = counter(
      registry,
      'ragfleet_generate_response_cache_hits_total',
      'Answers replayed from the response cache (no model called).',
    );
    this.#misses = counter(
      registry,
      'ragfleet_generate_response_cache_misses_total',
      'Response cache lookups that found no answer (or failed), so a model answered.',
    );
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    let answer: CachedAnswer | undefined;
    try {
      answer = await this.#cache.get(key);
    } finally {
      if (answer) this.#hits.inc();
      else this.#misses.inc();
    }
    return answer;
  }

  set(key: string, answer: CachedAnswer): Promise<void> {
    return this.#cache.set(key, answer);
  }
}
